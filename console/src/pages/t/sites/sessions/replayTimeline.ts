import { rageClickBursts } from "@mousetrail/server/rollups/computeBatchRollups";

/**
 * What the player's timeline shows, read from the recording as it streams in: clicks, rage
 * clicks (the rule the server counts them by), page changes and the spans the recorder dropped.
 * Times are the events' own timestamps (milliseconds); `offsetOf` turns them into player time.
 */
export interface Timeline {
  /** The first and last event's timestamps; null until an event has arrived. */
  start: number | null;
  end: number | null;
  clicks: readonly ClickMark[];
  rageClicks: readonly ClickMark[];
  pages: readonly PageMark[];
  gaps: readonly GapMark[];
}

export interface ClickMark {
  at: number;
  x: number;
  y: number;
  target?: number;
}

export interface PageMark {
  at: number;
  url: string;
}

export interface GapMark {
  from: number;
  to: number;
  droppedEvents: number;
}

/** The tag of the server's marker event (server/src/domain/sessions/droppedEventsMarker.ts). */
export const droppedEventsTag = "mousetrail/dropped-events";

const metaEvent = 4;
const customEvent = 5;
const incrementalSnapshot = 3;
const mouseInteraction = 2;
const clickInteraction = 2;

type Reading = { type?: unknown; timestamp?: unknown; data?: unknown };

/**
 * A timeline built one event at a time: `add` is O(1), `current()` derives rage clicks from the
 * clicks so far. A long recording streams in tens of thousands of events; rebuilding on each one
 * would make the player quadratic.
 */
export function createTimelineBuilder() {
  let start: number | null = null;
  let end: number | null = null;
  const clicks: ClickMark[] = [];
  const pages: PageMark[] = [];
  const gaps: GapMark[] = [];
  return {
    add(raw: unknown): void {
      if (typeof raw !== "object" || raw === null) return;
      const event = raw as Reading;
      if (typeof event.timestamp !== "number" || !Number.isFinite(event.timestamp)) return;
      const at = event.timestamp;
      const data = (typeof event.data === "object" && event.data !== null ? event.data : {}) as Record<string, unknown>;
      if (event.type === customEvent && data.tag === droppedEventsTag) {
        const payload = (data.payload ?? {}) as Record<string, unknown>;
        const to = typeof payload.to === "number" ? payload.to : at;
        const from = typeof payload.from === "number" ? Math.min(payload.from, to) : to;
        gaps.push({ from, to, droppedEvents: typeof payload.droppedEvents === "number" ? payload.droppedEvents : 0 });
        // A marker is not an event of the visit: it neither starts nor extends the recording.
        return;
      }
      start = start === null ? at : Math.min(start, at);
      end = end === null ? at : Math.max(end, at);
      if (event.type === metaEvent && typeof data.href === "string") pages.push({ at, url: data.href });
      if (event.type === incrementalSnapshot && data.source === mouseInteraction && data.type === clickInteraction && typeof data.x === "number" && typeof data.y === "number") {
        clicks.push({ at, x: data.x, y: data.y, ...(typeof data.id === "number" ? { target: data.id } : {}) });
      }
    },
    current(): Timeline {
      return { start, end, clicks: [...clicks], rageClicks: rageClicksOf(clicks, pages), pages: [...pages], gaps: [...gaps] };
    },
  };
}

export function timelineOf(events: Iterable<unknown>): Timeline {
  const builder = createTimelineBuilder();
  for (const event of events) builder.add(event);
  return builder.current();
}

/** Bursts are found page by page: positions on two pages are not the same place. */
function rageClicksOf(clicks: readonly ClickMark[], pages: readonly PageMark[]): ClickMark[] {
  const pageStarts = [...pages.map((page) => page.at)].sort((a, b) => a - b);
  const byPage = new Map<number, ClickMark[]>();
  for (const click of clicks) {
    const page = pageStarts.filter((at) => at <= click.at).length;
    byPage.set(page, [...(byPage.get(page) ?? []), click]);
  }
  return [...byPage.values()].flatMap((pageClicks) => rageClickBursts(pageClicks) as ClickMark[]).sort((a, b) => a.at - b.at);
}

/** Player time (milliseconds from the recording's start) of an event timestamp. */
export function offsetOf(timeline: Pick<Timeline, "start">, at: number): number {
  return timeline.start === null ? 0 : Math.max(0, at - timeline.start);
}

/** The recording's length so far, in milliseconds. */
export function durationOf(timeline: Pick<Timeline, "start" | "end">): number {
  return timeline.start === null || timeline.end === null ? 0 : timeline.end - timeline.start;
}

/** Where a timestamp sits along the timeline, in percent, clamped to it. */
export function percentOf(timeline: Pick<Timeline, "start" | "end">, at: number): number {
  const duration = durationOf(timeline);
  if (duration === 0) return 0;
  return Math.min(100, Math.max(0, (offsetOf(timeline, at) / duration) * 100));
}

/** The page being replayed at a player time: the last page change at or before it. */
export function urlAt(timeline: Pick<Timeline, "start" | "pages">, offset: number): string | null {
  let url: string | null = null;
  for (const page of timeline.pages) if (offsetOf(timeline, page.at) <= offset) url = page.url;
  return url ?? timeline.pages[0]?.url ?? null;
}
