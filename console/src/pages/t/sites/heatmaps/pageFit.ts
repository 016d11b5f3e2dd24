/**
 * The maths of drawing a recorded page in the panel: the page keeps the width it was recorded at
 * (the cells' columns are fractions of that width) and is scaled down, never up, to the panel.
 */
export interface PageFit {
  /** The recorded viewport width and the rebuilt document's height, in the page's CSS px. */
  pageWidth: number;
  pageHeight: number;
  /** Panel CSS px per page CSS px. */
  scale: number;
  /** The page as drawn in the panel, CSS px. */
  width: number;
  height: number;
}

export function fitPage(page: { pageWidth: number; pageHeight: number; panelWidth: number }): PageFit {
  const pageWidth = Math.max(1, page.pageWidth);
  const pageHeight = Math.max(1, page.pageHeight);
  const scale = Math.min(1, Math.max(0.05, page.panelWidth) / pageWidth);
  return { pageWidth, pageHeight, scale, width: pageWidth * scale, height: pageHeight * scale };
}

/** Browsers refuse canvases much past 16 384 px a side or 2^26 pixels in all. */
const maxCanvasSide = 16_384;
const maxCanvasArea = 1 << 26;

/**
 * The canvas's own pixels for a CSS size: the device pixel ratio when it fits, less when a tall
 * page would pass the browser's limits (the canvas is then stretched, never cut).
 */
export function canvasBacking(css: { width: number; height: number }, devicePixelRatio: number): { width: number; height: number; ratio: number } {
  const wanted = Math.max(1, devicePixelRatio || 1);
  const width = Math.max(1, css.width);
  const height = Math.max(1, css.height);
  const ratio = Math.min(wanted, maxCanvasSide / width, maxCanvasSide / height, Math.sqrt(maxCanvasArea / (width * height)));
  return { width: Math.max(1, Math.floor(width * ratio)), height: Math.max(1, Math.floor(height * ratio)), ratio };
}

/** A cell's box in the panel's CSS px. */
export function cellBox(cell: { column: number; row: number }, grid: { columns: number; rowPx: number }, fit: PageFit): { x: number; y: number; width: number; height: number } {
  const width = fit.width / grid.columns;
  const height = grid.rowPx * fit.scale;
  return { x: cell.column * width, y: cell.row * height, width, height };
}

/** The cell under a point of the panel (CSS px), the inverse of cellBox. */
export function cellAtPoint(point: { x: number; y: number }, grid: { columns: number; rowPx: number }, fit: PageFit): { column: number; row: number } {
  return {
    column: Math.min(grid.columns - 1, Math.max(0, Math.floor((point.x / fit.width) * grid.columns))),
    row: Math.max(0, Math.floor(point.y / (grid.rowPx * fit.scale))),
  };
}

/** Scroll-map bands: each 5 % step of the document from its depth to the next, with its share. */
export function scrollBands(depths: readonly { depth: number; share: number }[], fit: PageFit): { top: number; height: number; depth: number; share: number }[] {
  const sorted = depths.filter((step) => step.depth >= 0 && step.depth < 100).toSorted((a, b) => a.depth - b.depth);
  return sorted.map((step, index) => {
    const next = sorted[index + 1]?.depth ?? 100;
    const top = (step.depth / 100) * fit.height;
    return { top, height: ((next - step.depth) / 100) * fit.height, depth: step.depth, share: step.share };
  });
}
