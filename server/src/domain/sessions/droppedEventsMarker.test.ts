import { describe, expect, it } from "vitest";
import { droppedEventsMarker, droppedEventsTag, lastTimestampOf } from "./droppedEventsMarker.js";

const at = (timestamp: number) => ({ type: 3, timestamp, data: {} });

describe("droppedEventsMarker", () => {
  it.each([
    ["nothing dropped", 0, [at(5)], 1, null],
    ["a batch without events", 4, [], 1, null],
    ["a batch whose events carry no timestamp", 4, [{ type: 3 }], 1, null],
  ])("is null for %s", (_, dropped, events, previous, expected) => {
    expect(droppedEventsMarker(dropped, events, previous)).toBe(expected);
  });

  it("spans from the previous batch's last event to this batch's first, at this batch's first instant", () => {
    expect(droppedEventsMarker(7, [at(2_000), at(1_500), at(3_000)], 1_000)).toEqual({
      type: 5,
      timestamp: 1_500,
      data: { tag: droppedEventsTag, payload: { droppedEvents: 7, from: 1_000, to: 1_500 } },
    });
  });

  it("is an instant at the first event when no batch came before on the page", () => {
    expect(droppedEventsMarker(3, [at(900)], null)?.data.payload).toEqual({ droppedEvents: 3, from: 900, to: 900 });
  });

  it("never starts after it ends, whatever order the batches carried", () => {
    expect(droppedEventsMarker(1, [at(900)], 1_200)?.data.payload).toEqual({ droppedEvents: 1, from: 900, to: 900 });
  });
});

describe("lastTimestampOf", () => {
  it("is the largest timestamp, or null", () => {
    expect(lastTimestampOf([at(3), at(9), at(4)])).toBe(9);
    expect(lastTimestampOf([{ type: 2 }, null, "x"])).toBeNull();
  });
});
