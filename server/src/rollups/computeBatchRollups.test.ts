import { EventType, IncrementalSource, MouseInteractions } from "@rrweb/types";
import { describe, expect, it } from "vitest";
import { computeBatchRollups, countDeadClicks, countRageClicks, type ViewState } from "./computeBatchRollups.js";

const view: ViewState = { width: 1000, height: 800, scrollX: 0, scrollY: 0, documentHeight: 4000 };
const click = (timestamp: number, x: number, y: number) => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: { source: IncrementalSource.MouseInteraction, type: MouseInteractions.Click, id: 5, x, y },
});
const scroll = (timestamp: number, y: number, id = 1) => ({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Scroll, id, x: 0, y } });
const mutation = (timestamp: number) => ({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Mutation, adds: [], removes: [], texts: [], attributes: [] } });
const moves = (timestamp: number, positions: { x: number; y: number }[]) => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: { source: IncrementalSource.MouseMove, positions: positions.map((p) => ({ ...p, id: 5, timeOffset: 0 })) },
});

describe("MS-1.4 heatmap rollups", () => {
  it("MS-1.4 places clicks in document coordinates, columns relative to the viewport width", () => {
    const rollups = computeBatchRollups([click(1000, 500, 100), scroll(1100, 2000), click(5000, 999, 100), mutation(6500)], view);
    // Before scrolling: column 50, row 10. After scrolling 2000 px: row (100 + 2000) / 10 = 210.
    expect(Object.fromEntries(rollups.clickCells)).toEqual({ "50_10": 1, "99_210": 1 });
    expect(rollups.clicks).toBe(2);
  });

  it("MS-1.4 sums mouse movements per cell", () => {
    const rollups = computeBatchRollups([moves(10, [{ x: 10, y: 10 }, { x: 12, y: 14 }, { x: 900, y: 790 }])], view);
    expect(Object.fromEntries(rollups.moveCells)).toEqual({ "1_1": 2, "90_79": 1 });
  });

  it("MS-1.4 tracks the deepest scroll in percent of the document", () => {
    expect(computeBatchRollups([scroll(10, 1200), scroll(20, 400)], view).maxScrollDepth).toBe(50);
    expect(computeBatchRollups([], view).maxScrollDepth).toBe(20);
    expect(computeBatchRollups([scroll(10, 1200)], { ...view, documentHeight: null }).maxScrollDepth).toBeNull();
  });

  it("MS-1.4 counts attention: the time each row is on screen, a long pause counting as attentionIdleMs", () => {
    const attention = computeBatchRollups([click(1000, 0, 0), scroll(3000, 2000), mutation(4000), mutation(4000 + 60_000)], view).attentionCells;
    // 1 s → 3 s: rows 0..79 (800 px); 3 s → 4 s and then a minute's pause (30 s): rows 200..279.
    expect(attention.size).toBe(160);
    expect([attention.get("0_0"), attention.get("0_79"), attention.get("0_80"), attention.get("0_200"), attention.get("0_279")]).toEqual([2000, 2000, undefined, 31_000, 31_000]);
  });

  it("ignores scrolls of inner elements for the document position", () => {
    expect(computeBatchRollups([scroll(10, 3000, 42), click(20, 0, 0)], view).clickCells).toEqual(new Map([["0_0", 1]]));
  });

  it("takes the viewport from a Meta event when the batch had no view", () => {
    const rollups = computeBatchRollups([{ type: EventType.Meta, timestamp: 1, data: { href: "https://x.example/", width: 400, height: 700 } }, click(2, 200, 0)], null);
    expect(Object.fromEntries(rollups.clickCells)).toEqual({ "50_0": 1 });
  });

  it("skips what it cannot read without throwing", () => {
    const rollups = computeBatchRollups([null, 7, "x", { type: 3 }, { type: 3, data: { source: 2, type: 2, x: "a" } }, { type: 3, data: { source: 1, positions: [null, {}] } }], view);
    expect(rollups.clicks).toBe(0);
    expect(rollups.moveCells.size).toBe(0);
  });
});

describe("click patterns", () => {
  it.each([
    ["three fast clicks in one spot", [{ at: 0, x: 0, y: 0 }, { at: 300, x: 5, y: 5 }, { at: 600, x: 0, y: 10 }], 1],
    ["two fast clicks", [{ at: 0, x: 0, y: 0 }, { at: 300, x: 5, y: 5 }], 0],
    ["three clicks spread over two seconds", [{ at: 0, x: 0, y: 0 }, { at: 1000, x: 0, y: 0 }, { at: 2000, x: 0, y: 0 }], 0],
    ["three fast clicks far apart", [{ at: 0, x: 0, y: 0 }, { at: 100, x: 200, y: 0 }, { at: 200, x: 400, y: 0 }], 0],
    ["two bursts", [0, 100, 200, 5000, 5100, 5200, 5300].map((at) => ({ at, x: 1, y: 1 })), 2],
  ])("rage clicks: %s", (_, clicks, expected) => {
    expect(countRageClicks(clicks)).toBe(expected);
  });

  it("counts a click as dead when nothing follows within a second, and not when too late to tell", () => {
    const clicks = [{ at: 0, x: 0, y: 0 }, { at: 2000, x: 0, y: 0 }, { at: 9500, x: 0, y: 0 }];
    expect(countDeadClicks(clicks, [2500], 10_000)).toBe(1);
    expect(countDeadClicks(clicks, [500, 2500], 10_000)).toBe(0);
  });
});
