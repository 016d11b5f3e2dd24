import { describe, expect, it } from "vitest";
import { cellAt, decodeCell, encodeCell, heatmapMaxRows } from "./heatmapCell.js";

const viewport = { width: 1000, scrollX: 0, scrollY: 0 };

describe("MS-1.4 heatmap cells", () => {
  it.each([
    ["top left", 0, 0, viewport, "0_0"],
    ["middle of the viewport", 500, 105, viewport, "50_10"],
    ["right edge stays in the last column", 1000, 0, viewport, "99_0"],
    ["left of the page clamps to column 0", -20, 0, viewport, "0_0"],
    ["document coordinates add the scroll offset", 0, 5, { ...viewport, scrollY: 2000 }, "0_200"],
    ["deeper than the grid clamps to the last row", 0, 10 * heatmapMaxRows + 500, viewport, `0_${heatmapMaxRows - 1}`],
  ])("MS-1.4 places %s", (_, x, y, view, expected) => {
    const cell = cellAt(x, y, view);
    expect(cell && encodeCell(cell)).toBe(expected);
  });

  it("places nothing it cannot: non-finite positions or a viewport without width", () => {
    expect(cellAt(Number.NaN, 0, viewport)).toBeNull();
    expect(cellAt(0, Number.POSITIVE_INFINITY, viewport)).toBeNull();
    expect(cellAt(0, 0, { ...viewport, width: 0 })).toBeNull();
  });

  it("decodes what it encodes and refuses keys that are not cells", () => {
    expect(decodeCell(encodeCell({ column: 42, row: 4999 }))).toEqual({ column: 42, row: 4999 });
    for (const key of ["", "1", "1_", "100_0", "0_5000", "a_b", "1_2_3", "-1_0"]) expect(decodeCell(key)).toBeNull();
  });
});
