import { levelOf } from "./heatmapPalette.js";

export type HeatmapKind = "click" | "move" | "attention";

/** What `reports.heatmap` returns about its cells: `columns` across the page, `rowPx` CSS px rows down it. */
export interface HeatmapGrid {
  kind: HeatmapKind;
  columns: number;
  rowPx: number;
  cells: readonly { column: number; row: number; count: number }[];
}

/** One pixel per cell, RGBA, `width` = columns, `height` = rows down to the deepest cell. */
export interface HeatmapPixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  /** The largest count of one cell: the top of the legend's scale. */
  maxCount: number;
}

/** The deepest row a grid draws: 5 000 rows of 10 px is the recorder's 50 000 px limit. */
export const maxGridRows = 5_000;

const usable = (cell: { column: number; row: number; count: number }, columns: number) =>
  Number.isInteger(cell.column) && Number.isInteger(cell.row) && cell.column >= 0 && cell.column < columns && cell.row >= 0 && cell.row < maxGridRows && cell.count > 0;

/**
 * The cells as an image of one pixel each, coloured from the palette table (no per-cell colour
 * maths): two passes over the cells, whatever number of clicks they sum. Attention counts are per
 * row (stored in column 0) and fill their row across.
 */
export function heatmapPixels(grid: HeatmapGrid, palette: Uint8ClampedArray): HeatmapPixels {
  const columns = Math.max(1, Math.floor(grid.columns));
  let maxCount = 0;
  let rows = 0;
  for (const cell of grid.cells) {
    if (!usable(cell, columns)) continue;
    if (cell.count > maxCount) maxCount = cell.count;
    if (cell.row >= rows) rows = cell.row + 1;
  }
  const data = new Uint8ClampedArray(columns * rows * 4);
  const across = grid.kind === "attention";
  for (const cell of grid.cells) {
    if (!usable(cell, columns)) continue;
    const colour = levelOf(cell.count, maxCount) * 4;
    const from = across ? 0 : cell.column;
    const to = across ? columns : cell.column + 1;
    for (let column = from; column < to; column++) {
      const at = (cell.row * columns + column) * 4;
      data[at] = palette[colour]!;
      data[at + 1] = palette[colour + 1]!;
      data[at + 2] = palette[colour + 2]!;
      data[at + 3] = palette[colour + 3]!;
    }
  }
  return { width: columns, height: rows, data, maxCount };
}

/** The busiest cells, most first, for the table that stands in for the canvas. */
export function topCells(grid: HeatmapGrid, limit: number): { column: number; row: number; count: number }[] {
  return grid.cells.filter((cell) => usable(cell, Math.max(1, Math.floor(grid.columns)))).toSorted((a, b) => b.count - a.count || a.row - b.row || a.column - b.column).slice(0, limit);
}
