import type { CollectPayload } from "./collectPayload.schema.js";

export interface TimestampWindow {
  maxPastMs: number;
  maxAheadMs: number;
}

export interface TimestampOutsideWindow {
  field: string;
  message: string;
}

/**
 * The first time of the batch outside [now − maxPast, now + maxAhead], or null. Refused rather
 * than clamped: a clamped time would still be wrong (every event of a skewed clock piled on one
 * instant) and would put sessions and rollups on days the visit did not happen.
 */
export function timestampOutsideWindow(payload: CollectPayload, now: Date, window: TimestampWindow): TimestampOutsideWindow | null {
  const earliest = now.getTime() - window.maxPastMs;
  const latest = now.getTime() + window.maxAheadMs;
  const check = (field: string, at: number): TimestampOutsideWindow | null => {
    if (at < earliest) return { field, message: `${field}: more than ${window.maxPastMs} ms before the server's clock` };
    if (at > latest) return { field, message: `${field}: more than ${window.maxAheadMs} ms after the server's clock` };
    return null;
  };
  const found = check("sentAt", payload.sentAt) ?? (payload.page ? check("page.startedAt", payload.page.startedAt) : null);
  if (found) return found;
  for (let index = 0; index < payload.events.length; index++) {
    const outside = check(`events.${index}.timestamp`, (payload.events[index] as CollectPayload["events"][number]).timestamp);
    if (outside) return outside;
  }
  return null;
}
