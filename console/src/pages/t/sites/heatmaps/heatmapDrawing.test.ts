import { describe, expect, it } from "vitest";
import { buildPalette, cssColourOf, levelOf, nearestLevel, palette, paletteSize } from "./heatmapPalette.js";
import { heatmapPixels, topCells, type HeatmapGrid } from "./heatmapPixels.js";
import { canvasBacking, cellAtPoint, cellBox, fitPage, scrollBands } from "./pageFit.js";

const rgbaAt = (data: Uint8ClampedArray, width: number, column: number, row: number) => [...data.slice((row * width + column) * 4, (row * width + column) * 4 + 4)];
const paletteEntry = (level: number) => [...palette.slice(level * 4, level * 4 + 4)];

describe("the heatmap palette (viridis)", () => {
  it("runs from viridis' dark purple to its yellow, more opaque as it gets hotter", () => {
    const table = buildPalette();
    expect(table.length).toBe(paletteSize * 4);
    expect(paletteEntry(0).slice(0, 3)).toEqual([0x44, 0x01, 0x54]);
    expect(paletteEntry(paletteSize - 1).slice(0, 3)).toEqual([0xfd, 0xe7, 0x25]);
    expect(paletteEntry(0)[3]).toBeLessThan(paletteEntry(paletteSize - 1)[3]!);
    expect(cssColourOf(paletteSize - 1)).toBe("rgb(253, 231, 37)");
  });

  it.each([
    [0, 100, 0],
    [1, 100, 3],
    [50, 100, 128],
    [100, 100, 255],
    [150, 100, 255],
    [5, 0, 0],
  ])("count %d of a largest %d is level %d", (count, max, level) => {
    expect(levelOf(count, max)).toBe(level);
  });

  it("reads every level back from its colour (how a test reads the canvas)", () => {
    for (const level of [0, 17, 128, 200, 255]) expect(nearestLevel(palette[level * 4]!, palette[level * 4 + 1]!, palette[level * 4 + 2]!)).toBe(level);
  });
});

describe("heatmapPixels: one pixel per cell", () => {
  const grid = (cells: HeatmapGrid["cells"], kind: HeatmapGrid["kind"] = "click"): HeatmapGrid => ({ kind, columns: 4, rowPx: 10, cells });

  it("colours each cell by its count against the largest, and leaves empty cells transparent", () => {
    const pixels = heatmapPixels(grid([{ column: 1, row: 0, count: 2 }, { column: 3, row: 2, count: 8 }]), palette);
    expect(pixels).toMatchObject({ width: 4, height: 3, maxCount: 8 });
    expect(rgbaAt(pixels.data, 4, 3, 2)).toEqual(paletteEntry(255));
    expect(rgbaAt(pixels.data, 4, 1, 0)).toEqual(paletteEntry(levelOf(2, 8)));
    expect(rgbaAt(pixels.data, 4, 0, 0)).toEqual([0, 0, 0, 0]);
    expect(rgbaAt(pixels.data, 4, 2, 1)).toEqual([0, 0, 0, 0]);
  });

  it("fills an attention row across the page (its time is stored in column 0)", () => {
    const pixels = heatmapPixels(grid([{ column: 0, row: 1, count: 500 }], "attention"), palette);
    for (let column = 0; column < 4; column++) expect(rgbaAt(pixels.data, 4, column, 1)).toEqual(paletteEntry(255));
    expect(rgbaAt(pixels.data, 4, 0, 0)).toEqual([0, 0, 0, 0]);
  });

  it("skips cells outside the grid or without a count instead of drawing them wrapped", () => {
    const pixels = heatmapPixels(
      grid([
        { column: 4, row: 0, count: 99 },
        { column: -1, row: 0, count: 99 },
        { column: 0, row: 5_000, count: 99 },
        { column: 0.5, row: 0, count: 99 },
        { column: 2, row: 0, count: 0 },
        { column: 2, row: 1, count: 3 },
      ]),
      palette,
    );
    expect(pixels).toMatchObject({ height: 2, maxCount: 3 });
    expect(rgbaAt(pixels.data, 4, 2, 0)).toEqual([0, 0, 0, 0]);
  });

  it("draws nothing for no cells", () => {
    expect(heatmapPixels(grid([]), palette)).toMatchObject({ width: 4, height: 0, maxCount: 0 });
  });

  it("lists the busiest cells first, ties top to bottom", () => {
    const cells = [{ column: 0, row: 5, count: 3 }, { column: 1, row: 1, count: 9 }, { column: 2, row: 2, count: 3 }, { column: 9, row: 0, count: 50 }];
    expect(topCells(grid(cells), 2)).toEqual([{ column: 1, row: 1, count: 9 }, { column: 2, row: 2, count: 3 }]);
  });
});

describe("fitting the recorded page to the panel", () => {
  it("scales a wide page down to the panel and never a narrow one up", () => {
    expect(fitPage({ pageWidth: 1280, pageHeight: 3000, panelWidth: 640 })).toEqual({ pageWidth: 1280, pageHeight: 3000, scale: 0.5, width: 640, height: 1500 });
    expect(fitPage({ pageWidth: 390, pageHeight: 2000, panelWidth: 900 })).toMatchObject({ scale: 1, width: 390, height: 2000 });
  });

  it("places a cell and finds it again from a point inside it", () => {
    const fit = fitPage({ pageWidth: 1000, pageHeight: 2000, panelWidth: 500 });
    const grid = { columns: 100, rowPx: 10 };
    expect(cellBox({ column: 40, row: 30 }, grid, fit)).toEqual({ x: 200, y: 150, width: 5, height: 5 });
    expect(cellAtPoint({ x: 202.5, y: 152.5 }, grid, fit)).toEqual({ column: 40, row: 30 });
    expect(cellAtPoint({ x: 999, y: -3 }, grid, fit)).toEqual({ column: 99, row: 0 });
  });

  it("keeps the canvas inside the browser's limits on a very long page by lowering its pixel ratio", () => {
    expect(canvasBacking({ width: 800, height: 600 }, 2)).toEqual({ width: 1600, height: 1200, ratio: 2 });
    const tall = canvasBacking({ width: 1000, height: 50_000 }, 2);
    expect(tall.height).toBeLessThanOrEqual(16_384);
    expect(tall.width * tall.height).toBeLessThanOrEqual(1 << 26);
    expect(tall.height / tall.width).toBeCloseTo(50, 0);
  });

  it("cuts the scroll map into 5 % bands of the drawn page, each with its depth's share", () => {
    const fit = fitPage({ pageWidth: 100, pageHeight: 1000, panelWidth: 100 });
    const depths = Array.from({ length: 21 }, (_, index) => ({ depth: index * 5, share: 1 - index / 20 }));
    const bands = scrollBands(depths, fit);
    expect(bands).toHaveLength(20);
    expect(bands[0]).toEqual({ top: 0, height: 50, depth: 0, share: 1 });
    expect(bands[19]).toMatchObject({ top: 950, depth: 95 });
    expect(bands[19]!.share).toBeCloseTo(0.05);
  });
});
