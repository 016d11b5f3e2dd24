import { levelOf, palette } from "./heatmapPalette.js";
import { heatmapPixels, type HeatmapGrid } from "./heatmapPixels.js";
import { canvasBacking, scrollBands, type PageFit } from "./pageFit.js";

/**
 * Draws a heatmap's cells over the page: one pixel per cell put into a small canvas, then that
 * canvas stretched onto the panel's without smoothing, so each cell is a sharp block over the
 * part of the page it counts. The cost is one pass over the cells and one image copy.
 * Returns the largest count of one cell, the top of the legend.
 */
export function drawHeatmap(canvas: HTMLCanvasElement, grid: HeatmapGrid, fit: PageFit, devicePixelRatio: number): number {
  const backing = canvasBacking({ width: fit.width, height: fit.height }, devicePixelRatio);
  canvas.width = backing.width;
  canvas.height = backing.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("drawHeatmap: the browser gave no 2D canvas context");
  context.clearRect(0, 0, backing.width, backing.height);
  const pixels = heatmapPixels(grid, palette);
  if (pixels.height === 0) return 0;
  const cells = canvas.ownerDocument.createElement("canvas");
  cells.width = pixels.width;
  cells.height = pixels.height;
  const cellsContext = cells.getContext("2d");
  if (!cellsContext) throw new Error("drawHeatmap: the browser gave no 2D canvas context");
  cellsContext.putImageData(new ImageData(pixels.data as Uint8ClampedArray<ArrayBuffer>, pixels.width, pixels.height), 0, 0);
  const width = fit.width * backing.ratio;
  const height = pixels.height * grid.rowPx * fit.scale * backing.ratio;
  context.imageSmoothingEnabled = false;
  context.drawImage(cells, 0, 0, pixels.width, pixels.height, 0, 0, width, height);
  return pixels.maxCount;
}

/**
 * Draws a scroll map: each 5 % band of the page coloured by the share of page views that reached
 * it, on the heatmap's palette (more is hotter).
 */
export function drawScrollMap(canvas: HTMLCanvasElement, depths: readonly { depth: number; share: number }[], fit: PageFit, devicePixelRatio: number): void {
  const backing = canvasBacking({ width: fit.width, height: fit.height }, devicePixelRatio);
  canvas.width = backing.width;
  canvas.height = backing.height;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("drawScrollMap: the browser gave no 2D canvas context");
  context.clearRect(0, 0, backing.width, backing.height);
  for (const band of scrollBands(depths, fit)) {
    const at = levelOf(band.share, 1) * 4;
    // Where nobody scrolled, the page is greyed rather than coloured.
    context.fillStyle = band.share > 0 ? `rgba(${palette[at]}, ${palette[at + 1]}, ${palette[at + 2]}, ${(palette[at + 3]! / 255) * 0.5})` : "rgba(27, 31, 36, 0.3)";
    context.fillRect(0, Math.round(band.top * backing.ratio), backing.width, Math.ceil(band.height * backing.ratio));
  }
}
