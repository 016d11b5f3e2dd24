/**
 * The tag of the rrweb custom event (type 5) that marks where the recorder dropped events: its
 * bounded queue drops the oldest first and the next batch says how many (`droppedEvents`), so the
 * lost span lies between the previous batch's last event and this batch's first. Players draw it
 * as a gap on the timeline; rrweb's Replayer passes custom events by without effect.
 */
export const droppedEventsTag = "mousetrail/dropped-events";

export interface DroppedEventsMarker {
  type: 5;
  timestamp: number;
  data: { tag: typeof droppedEventsTag; payload: { droppedEvents: number; from: number; to: number } };
}

/** The marker for one stored batch, or null when nothing was dropped before it or it holds no event. */
export function droppedEventsMarker(droppedEvents: number, batchEvents: readonly unknown[], previousLastTimestamp: number | null): DroppedEventsMarker | null {
  if (droppedEvents <= 0) return null;
  const timestamps = batchEvents.map(timestampOf).filter((timestamp): timestamp is number => timestamp !== null);
  if (timestamps.length === 0) return null;
  const to = Math.min(...timestamps);
  const from = previousLastTimestamp === null ? to : Math.min(previousLastTimestamp, to);
  return { type: 5, timestamp: to, data: { tag: droppedEventsTag, payload: { droppedEvents, from, to } } };
}

/** The largest timestamp of a batch, or null when none has one. */
export function lastTimestampOf(batchEvents: readonly unknown[]): number | null {
  let last: number | null = null;
  for (const event of batchEvents) {
    const timestamp = timestampOf(event);
    if (timestamp !== null && (last === null || timestamp > last)) last = timestamp;
  }
  return last;
}

function timestampOf(event: unknown): number | null {
  const timestamp = (event as { timestamp?: unknown } | null)?.timestamp;
  return typeof timestamp === "number" && Number.isFinite(timestamp) ? timestamp : null;
}
