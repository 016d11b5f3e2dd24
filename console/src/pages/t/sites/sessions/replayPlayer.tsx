import { createEffect, createSignal, createUniqueId, For, Match, onCleanup, onMount, Show, Switch } from "solid-js";
import { formatPlayerTime, spokenPlayerTime } from "./playerTime.js";
import { durationOf, offsetOf, percentOf, urlAt, type Timeline } from "./replayTimeline.js";
import { createStreamedReplay } from "./streamedReplay.js";

export const playerSpeeds = [1, 2, 4, 8] as const;
/** How far the arrow keys move the replay. */
const arrowStepMs = 5_000;

/**
 * The replay player: the recorded page drawn in a scriptless, sandboxed frame, scaled to the
 * panel's width, with our own controls: play/pause, speed, skip inactivity, and a timeline with
 * clicks, rage clicks, page changes and the spans the recorder dropped. Space plays or pauses
 * and the arrows move five seconds, wherever the focus is in the player but a menu.
 */
export function ReplayPlayer(props: { tenantId: string; siteId: string; sessionId: string }) {
  const replay = createStreamedReplay({ tenantId: props.tenantId, siteId: props.siteId, sessionId: props.sessionId });
  onCleanup(() => replay.dispose());
  const hintId = createUniqueId();
  const [stageWidth, setStageWidth] = createSignal(0);
  let stage!: HTMLDivElement;
  let frame!: HTMLIFrameElement;

  const scale = () => {
    const size = replay.viewport();
    return size && stageWidth() > 0 ? Math.min(1, stageWidth() / size.width) : 1;
  };
  const stageHeight = () => {
    const size = replay.viewport();
    return size ? Math.round(size.height * scale()) : Math.round(stageWidth() * 0.6);
  };
  createEffect(() => replay.scaleTo(scale()));

  onMount(() => {
    const observer = new ResizeObserver(() => setStageWidth(stage.clientWidth));
    observer.observe(stage);
    onCleanup(() => observer.disconnect());
    const attach = () => {
      if (frame.contentDocument?.readyState === "complete" && frame.contentDocument.location.pathname === "/replay-frame") replay.attach(frame.contentDocument);
    };
    frame.addEventListener("load", attach);
    onCleanup(() => frame.removeEventListener("load", attach));
    attach();
  });

  const duration = () => durationOf(replay.timeline());
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest("select, a")) return;
    if (event.key === " " && !target.closest("button, input[type=checkbox]")) {
      event.preventDefault();
      replay.togglePlay();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
      event.preventDefault();
      replay.seek(replay.offset() + (event.key === "ArrowLeft" ? -arrowStepMs : arrowStepMs));
    }
  };

  return (
    <section class="player" aria-label="Session replay" onKeyDown={onKeyDown}>
      <p class="player-url">
        <span class="visually-hidden">Page: </span>
        {urlAt(replay.timeline(), replay.offset()) ?? "…"}
      </p>
      <div
        class="player-stage"
        ref={stage}
        tabindex="0"
        role="group"
        aria-label="Replayed page"
        aria-describedby={hintId}
        style={{ height: `${stageHeight()}px` }}
      >
        <iframe ref={frame} class="player-frame" src="/replay-frame" title="The recorded page, as the visitor saw it" tabindex="-1" />
        <Status replay={replay} />
      </div>
      <p id={hintId} class="hint">
        Space plays or pauses; the left and right arrows go back or forward five seconds.
      </p>
      <div class="timeline">
        <TimelineMarks timeline={replay.timeline()} />
        <input
          type="range"
          min="0"
          max={duration()}
          step="100"
          value={Math.min(replay.offset(), duration())}
          aria-label="Position in the replay"
          aria-valuetext={`${spokenPlayerTime(replay.offset())} of ${spokenPlayerTime(duration())}`}
          disabled={duration() === 0}
          onInput={(e) => replay.seek(Number(e.currentTarget.value))}
        />
      </div>
      <div class="player-controls">
        <button type="button" class="primary" onClick={() => replay.togglePlay()} disabled={duration() === 0} aria-keyshortcuts="Space">
          {replay.playing() ? "Pause" : "Play"}
        </button>
        <span class="player-time" aria-hidden="true">
          {formatPlayerTime(replay.offset())} / {formatPlayerTime(duration())}
        </span>
        <div class="field">
          <label for={`${hintId}-speed`}>Speed</label>
          <select id={`${hintId}-speed`} value={replay.speed()} onChange={(e) => replay.setSpeed(Number(e.currentTarget.value))}>
            <For each={playerSpeeds}>{(speed) => <option value={speed}>{speed}×</option>}</For>
          </select>
        </div>
        <label>
          <input type="checkbox" checked={replay.skipInactive()} onChange={(e) => replay.setSkipInactive(e.currentTarget.checked)} /> Skip inactivity
        </label>
      </div>
      <Legend timeline={replay.timeline()} />
    </section>
  );
}

function Status(props: { replay: ReturnType<typeof createStreamedReplay> }) {
  const state = () => props.replay.state();
  const failure = () => {
    const current = state();
    return current.kind === "failed" ? current.message : null;
  };
  return (
    <Switch>
      <Match when={failure()}>
        {(message) => (
          <p class="player-status notice error" role="alert">
            {message()}
          </p>
        )}
      </Match>
      <Match when={props.replay.waitingForMore()}>
        <p class="player-status" role="status">
          Waiting for the rest of the recording…
        </p>
      </Match>
      <Match when={state().kind === "loading"}>
        <p class="player-status" role="status">
          Loading the recording…
        </p>
      </Match>
    </Switch>
  );
}

/** Clicks, rage clicks and page changes as ticks, dropped spans as hatched bars, above the scrubber. */
function TimelineMarks(props: { timeline: Timeline }) {
  const at = (time: number) => `${percentOf(props.timeline, time)}%`;
  const label = (what: string, time: number) => `${what} at ${formatPlayerTime(offsetOf(props.timeline, time))}`;
  return (
    <div class="timeline-marks" aria-hidden="true">
      <For each={props.timeline.gaps}>
        {(gap) => <span class="timeline-gap" data-kind="gap" title={`${gap.droppedEvents} events dropped by the recorder`} style={{ left: at(gap.from), width: `${percentOf(props.timeline, gap.to) - percentOf(props.timeline, gap.from)}%` }} />}
      </For>
      <For each={props.timeline.pages.slice(1)}>{(page) => <span class="timeline-mark" data-kind="page" title={label(`Page ${page.url}`, page.at)} style={{ left: at(page.at) }} />}</For>
      <For each={props.timeline.clicks}>{(click) => <span class="timeline-mark" data-kind="click" title={label("Click", click.at)} style={{ left: at(click.at) }} />}</For>
      <For each={props.timeline.rageClicks}>{(click) => <span class="timeline-mark" data-kind="rage-click" title={label("Rage click", click.at)} style={{ left: at(click.at) }} />}</For>
    </div>
  );
}

function Legend(props: { timeline: Timeline }) {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const dropped = () => props.timeline.gaps.reduce((sum, gap) => sum + gap.droppedEvents, 0);
  return (
    <ul class="timeline-legend" aria-label="On the timeline">
      <li>
        <span class="legend-swatch" data-kind="click" aria-hidden="true" />
        {count(props.timeline.clicks.length, "click", "clicks")}
      </li>
      <li>
        <span class="legend-swatch" data-kind="rage-click" aria-hidden="true" />
        {count(props.timeline.rageClicks.length, "rage click", "rage clicks")}
      </li>
      <li>
        <span class="legend-swatch" data-kind="page" aria-hidden="true" />
        {count(Math.max(0, props.timeline.pages.length - 1), "page change", "page changes")}
      </li>
      <Show when={props.timeline.gaps.length > 0}>
        <li>
          <span class="legend-swatch" data-kind="gap" aria-hidden="true" />
          {count(props.timeline.gaps.length, "gap", "gaps")} ({count(dropped(), "event", "events")} dropped by the recorder)
        </li>
      </Show>
    </ul>
  );
}
