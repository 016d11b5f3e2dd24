import { describe, expect, it } from "vitest";
import { createTimelineBuilder, droppedEventsTag, durationOf, offsetOf, percentOf, timelineOf, urlAt } from "./replayTimeline.js";

const meta = (at: number, href: string) => ({ type: 4, timestamp: at, data: { href, width: 1280, height: 800 } });
const fullSnapshot = (at: number) => ({ type: 2, timestamp: at, data: { node: {}, initialOffset: { top: 0, left: 0 } } });
const click = (at: number, x: number, y: number, id = 7) => ({ type: 3, timestamp: at, data: { source: 2, type: 2, id, x, y } });
const mouseDown = (at: number) => ({ type: 3, timestamp: at, data: { source: 2, type: 1, id: 7, x: 1, y: 1 } });
const move = (at: number) => ({ type: 3, timestamp: at, data: { source: 1, positions: [] } });
const gap = (at: number, from: number, droppedEvents: number) => ({ type: 5, timestamp: at, data: { tag: droppedEventsTag, payload: { droppedEvents, from, to: at } } });

describe("the replay timeline", () => {
  it("marks clicks only (not presses), pages from their Meta events, and the recording's span", () => {
    const timeline = timelineOf([meta(1_000, "https://shop.example/"), fullSnapshot(1_000), mouseDown(1_400), click(1_500, 10, 20), move(2_000), meta(5_000, "https://shop.example/checkout"), click(9_000, 300, 40)]);
    expect(timeline.start).toBe(1_000);
    expect(timeline.end).toBe(9_000);
    expect(timeline.clicks).toEqual([
      { at: 1_500, x: 10, y: 20, target: 7 },
      { at: 9_000, x: 300, y: 40, target: 7 },
    ]);
    expect(timeline.pages).toEqual([
      { at: 1_000, url: "https://shop.example/" },
      { at: 5_000, url: "https://shop.example/checkout" },
    ]);
    expect(timeline.rageClicks).toEqual([]);
  });

  it.each([
    ["three clicks in a second on one spot", [click(0, 10, 10), click(300, 12, 11), click(900, 15, 12)], [0]],
    ["two clicks only", [click(0, 10, 10), click(300, 12, 11)], []],
    ["three clicks spread over more than a second", [click(0, 10, 10), click(600, 10, 10), click(1_200, 10, 10)], []],
    ["three clicks far apart", [click(0, 10, 10), click(100, 80, 10), click(200, 150, 10)], []],
    ["five rapid clicks: one burst", [0, 100, 200, 300, 400].map((at) => click(at, 50, 50)), [0]],
    ["two bursts", [0, 100, 200, 3_000, 3_100, 3_200].map((at) => click(at, 50, 50)), [0, 3_000]],
  ])("finds rage clicks by the server's rule: %s", (_, clicks, bursts) => {
    expect(timelineOf([meta(0, "https://shop.example/"), ...clicks]).rageClicks.map((mark) => mark.at)).toEqual(bursts);
  });

  it("does not join clicks on two pages into one burst", () => {
    const events = [meta(0, "https://a.example/"), click(100, 10, 10), click(200, 10, 10), meta(300, "https://a.example/b"), click(400, 10, 10)];
    expect(timelineOf(events).rageClicks).toEqual([]);
  });

  it("turns the server's dropped-event markers into gaps that neither start nor extend the recording", () => {
    const timeline = timelineOf([gap(500, 500, 3), meta(1_000, "https://shop.example/"), move(2_000), gap(6_000, 2_000, 40), move(6_000)]);
    expect(timeline.gaps).toEqual([
      { from: 500, to: 500, droppedEvents: 3 },
      { from: 2_000, to: 6_000, droppedEvents: 40 },
    ]);
    expect([timeline.start, timeline.end]).toEqual([1_000, 6_000]);
    expect(percentOf(timeline, 2_000)).toBe(20);
    expect(percentOf(timeline, 6_000)).toBe(100);
    expect(percentOf(timeline, 500)).toBe(0);
  });

  it("ignores custom events of other tags and events without a time", () => {
    const timeline = timelineOf([meta(1_000, "https://shop.example/"), { type: 5, timestamp: 2_000, data: { tag: "other" } }, { type: 3, data: { source: 2, type: 2, x: 1, y: 1 } }, null, "x"]);
    expect(timeline.gaps).toEqual([]);
    expect(timeline.clicks).toEqual([]);
    expect(timeline.end).toBe(2_000);
  });

  it("grows as events stream in, the same as built at once", () => {
    const events = [meta(1_000, "https://shop.example/"), click(1_100, 1, 1), click(1_200, 1, 1), gap(4_000, 1_200, 2), click(4_000, 1, 1), click(4_100, 1, 1), click(4_200, 1, 1)];
    const builder = createTimelineBuilder();
    builder.add(events[0]);
    builder.add(events[1]);
    expect(durationOf(builder.current())).toBe(100);
    for (const event of events.slice(2)) builder.add(event);
    expect(builder.current()).toEqual(timelineOf(events));
    expect(durationOf(builder.current())).toBe(3_200);
    expect(builder.current().rageClicks.map((mark) => mark.at)).toEqual([4_000]);
  });

  it("says which page is replayed at a player time", () => {
    const timeline = timelineOf([meta(1_000, "https://shop.example/"), meta(5_000, "https://shop.example/checkout"), move(8_000)]);
    expect(urlAt(timeline, 0)).toBe("https://shop.example/");
    expect(urlAt(timeline, 3_999)).toBe("https://shop.example/");
    expect(urlAt(timeline, 4_000)).toBe("https://shop.example/checkout");
    expect(urlAt(timelineOf([]), 0)).toBeNull();
    expect(offsetOf(timeline, 5_000)).toBe(4_000);
    expect(offsetOf(timeline, 0)).toBe(0);
  });
});
