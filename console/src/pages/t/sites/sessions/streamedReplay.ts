import { RecordingStreamError, streamRecording, type RecordingEvent } from "@mousetrail/client-sdk";
import { Replayer } from "rrweb";
import replayerCss from "rrweb/dist/style.css?raw";
import { createSignal } from "solid-js";
import { createTimelineBuilder, durationOf, type Timeline } from "./replayTimeline.js";

export type StreamState = { kind: "loading"; events: number } | { kind: "complete"; events: number } | { kind: "failed"; message: string };

const fullSnapshotEvent = 2;
const metaEvent = 4;
/** How often the timeline is redrawn while events stream in: each event would be too often. */
const timelineRefreshMs = 250;

/** The frame's own style: rrweb's cursor and wrapper, the page scaled from its top left corner. */
const frameCss = `html, body { margin: 0; padding: 0; overflow: hidden; background: #fff; }
.replayer-wrapper { transform-origin: 0 0; }
.replayer-wrapper > iframe { border: 0; display: block; }
${replayerCss}`;

/**
 * One session's replay: the recording streamed from `GET /recordings/events` and fed to rrweb's
 * Replayer as it arrives, so playing starts once the first page's snapshot is in while the rest
 * still loads. The Replayer draws into `frameDocument` (the scriptless `/replay-frame` page: see
 * server/src/http/replayFrameRoute.ts) inside its own sandboxed iframe. When playing catches up
 * with the stream, it waits and goes on as more arrives.
 */
export function createStreamedReplay(session: { tenantId: string; siteId: string; sessionId: string }) {
  const builder = createTimelineBuilder();
  const [timeline, setTimeline] = createSignal<Timeline>(builder.current());
  const [state, setState] = createSignal<StreamState>({ kind: "loading", events: 0 });
  const [playing, setPlaying] = createSignal(false);
  const [waitingForMore, setWaitingForMore] = createSignal(false);
  const [offset, setOffset] = createSignal(0);
  const [viewport, setViewport] = createSignal<{ width: number; height: number } | null>(null);
  const [speed, setSpeedSignal] = createSignal(1);
  const [skipInactive, setSkipInactiveSignal] = createSignal(true);

  const abort = new AbortController();
  const buffered: RecordingEvent[] = [];
  let replayer: Replayer | null = null;
  let frameDocument: Document | null = null;
  let eventCount = 0;
  let scale = 1;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const clock = setInterval(() => {
    if (replayer && playing()) setOffset(Math.min(replayer.getCurrentTime(), durationOf(timeline())));
  }, 100);

  const refreshTimeline = () => {
    refreshTimer = undefined;
    setTimeline(builder.current());
  };

  function start(): void {
    if (replayer || !frameDocument || !buffered.some((event) => event.type === fullSnapshotEvent)) return;
    frameDocument.body.replaceChildren();
    replayer = new Replayer(buffered.splice(0) as never[], {
      root: frameDocument.body,
      speed: speed(),
      skipInactive: skipInactive(),
      showWarning: false,
      mouseTail: false,
      triggerFocus: false,
    });
    replayer.wrapper.style.transform = `scale(${scale})`;
    replayer.on("resize", (size) => setViewport(size as { width: number; height: number }));
    replayer.on("finish", () => {
      setPlaying(false);
      if (state().kind === "loading") setWaitingForMore(true);
      else setOffset(durationOf(timeline()));
    });
    replayer.play(0);
    setPlaying(true);
  }

  function receive(event: RecordingEvent): void {
    eventCount++;
    builder.add(event);
    if (event.type === metaEvent && viewport() === null) {
      const data = event.data as { width?: unknown; height?: unknown } | undefined;
      if (typeof data?.width === "number" && typeof data.height === "number") setViewport({ width: data.width, height: data.height });
    }
    if (replayer) {
      replayer.addEvent(event as never);
      if (waitingForMore()) {
        setWaitingForMore(false);
        replayer.play(offset());
        setPlaying(true);
      }
    } else {
      buffered.push(event);
      start();
    }
    refreshTimer ??= setTimeout(refreshTimeline, timelineRefreshMs);
  }

  void (async () => {
    try {
      for await (const event of streamRecording({ baseUrl: window.location.origin, signal: abort.signal }, session)) {
        receive(event);
        if (eventCount % 500 === 0) setState({ kind: "loading", events: eventCount });
      }
      clearTimeout(refreshTimer);
      refreshTimeline();
      setState({ kind: "complete", events: eventCount });
      if (waitingForMore()) {
        setWaitingForMore(false);
        setOffset(durationOf(timeline()));
      }
      if (eventCount > 0 && !replayer && frameDocument) setState({ kind: "failed", message: "This recording has no page snapshot to start from, so it cannot be replayed." });
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof RecordingStreamError) setState({ kind: "failed", message: error.message });
      else if (error instanceof TypeError) setState({ kind: "failed", message: "The recording stopped loading: the Mousetrail server could not be reached. Reload to try again." });
      else {
        setState({ kind: "failed", message: "Something went wrong in the player. Reload the page to try again." });
        throw error;
      }
    }
  })();

  return {
    timeline,
    state,
    playing,
    waitingForMore,
    offset,
    viewport,
    speed,
    skipInactive,
    /** The replay frame has loaded: playing starts as soon as the first snapshot is in. */
    attach(document: Document): void {
      if (frameDocument === document) return;
      frameDocument = document;
      const style = document.createElement("style");
      style.textContent = frameCss;
      document.head.append(style);
      start();
    },
    /** Scales the replayed page to the stage's width (the Replayer draws it at its recorded size). */
    scaleTo(next: number): void {
      scale = next;
      if (replayer) replayer.wrapper.style.transform = `scale(${scale})`;
    },
    replayedDocument: (): Document | null => replayer?.iframe.contentDocument ?? null,
    togglePlay(): void {
      if (!replayer) return;
      if (playing()) {
        replayer.pause();
        setOffset(replayer.getCurrentTime());
        setPlaying(false);
        return;
      }
      const from = offset() >= durationOf(timeline()) && state().kind === "complete" ? 0 : offset();
      replayer.play(from);
      setOffset(from);
      setPlaying(true);
    },
    seek(to: number): void {
      if (!replayer) return;
      const target = Math.max(0, Math.min(to, durationOf(timeline())));
      setWaitingForMore(false);
      if (playing()) replayer.play(target);
      else replayer.pause(target);
      setOffset(target);
    },
    setSpeed(next: number): void {
      setSpeedSignal(next);
      replayer?.setConfig({ speed: next });
    },
    setSkipInactive(next: boolean): void {
      setSkipInactiveSignal(next);
      replayer?.setConfig({ skipInactive: next });
    },
    dispose(): void {
      abort.abort();
      clearInterval(clock);
      clearTimeout(refreshTimer);
      replayer?.destroy();
      replayer = null;
    },
  };
}

export type StreamedReplay = ReturnType<typeof createStreamedReplay>;
