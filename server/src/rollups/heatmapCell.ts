/**
 * MS-1.4, MS-3.1: the heatmap grid. A cell is a column (1 % of the viewport width, so screens of
 * different widths in one breakpoint overlay) and a row (10 CSS px of the document). Stored as
 * the key `<column>_<row>` of a rollup's `cells`, which the derivation writes and the reports read.
 */
export const heatmapColumns = 100;
export const heatmapRowPx = 10;
export const heatmapMaxRows = 5_000;

export interface HeatmapCell {
  column: number;
  row: number;
}

/** Where the page is scrolled and how wide its viewport is, for placing a pointer position. */
export interface CellViewport {
  width: number;
  scrollX: number;
  scrollY: number;
}

/** The cell of a pointer position in viewport coordinates; null when it cannot be placed. */
export function cellAt(x: number, y: number, viewport: CellViewport): HeatmapCell | null {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !(viewport.width > 0)) return null;
  const column = Math.min(heatmapColumns - 1, Math.max(0, Math.floor(((x + viewport.scrollX) / viewport.width) * heatmapColumns)));
  const row = Math.min(heatmapMaxRows - 1, Math.max(0, Math.floor((y + viewport.scrollY) / heatmapRowPx)));
  return { column, row };
}

export function encodeCell({ column, row }: HeatmapCell): string {
  return `${column}_${row}`;
}

/** The inverse of encodeCell; null for a key that is not one (a report never trusts stored keys blindly). */
export function decodeCell(key: string): HeatmapCell | null {
  const match = /^(\d{1,2})_(\d{1,4})$/.exec(key);
  if (!match) return null;
  const column = Number(match[1]);
  const row = Number(match[2]);
  return column < heatmapColumns && row < heatmapMaxRows ? { column, row } : null;
}
