import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { launchChromium } from "@mousetrail/server/e2e/chromium";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const heatmapsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "src", "pages", "t", "sites", "heatmaps");

/** The console's own drawing code, bundled for a blank page: what the Heatmaps screen runs. */
async function drawingBundle(): Promise<string> {
  const entry = `export { drawHeatmap } from "./drawHeatmap.ts"; export { fitPage } from "./pageFit.ts";`;
  const result = await build({ stdin: { contents: entry, resolveDir: heatmapsDir, loader: "ts" }, bundle: true, format: "iife", globalName: "heatmapDrawing", write: false, target: "es2022" });
  return result.outputFiles[0]!.text;
}

/**
 * A million clicks on a 1280 × 50 000 px page (the longest the grid holds) (clusters around buttons and links, and a scatter),
 * counted into the report's cells, then drawn in Chromium by the screen's drawing code. Prints
 * the time from the report's JSON to the drawn canvas; checks the drawing, not the time (a
 * shared machine's timings are not a test).
 */
describe("drawing the heatmap of a million clicks", { timeout: 120_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws every cell, the busiest in the top colour where it belongs, and prints how long it took", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.setContent(`<!doctype html><html><body style="margin:0"><canvas id="heat"></canvas></body></html>`);
    await page.addScriptTag({ content: await drawingBundle() });
    const result = await page.evaluate(() => {
      const columns = 100;
      const rowPx = 10;
      const pageWidth = 1280;
      // As long as a page gets: the grid's 5 000 rows.
      const pageHeight = 50_000;
      // A seeded generator (mulberry32): the same million clicks on every run.
      let seed = 42;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let mixed = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
        return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
      };
      const hotspots = Array.from({ length: 40 }, () => ({ x: random() * pageWidth, y: random() * pageHeight, spread: 10 + random() * 80 }));
      const counts = new Map<number, number>();
      for (let click = 0; click < 1_000_000; click++) {
        let x: number;
        let y: number;
        if (click % 5 === 0) {
          x = random() * pageWidth;
          y = random() * pageHeight;
        } else {
          const spot = hotspots[click % hotspots.length]!;
          // Roughly normal around the hotspot: the sum of three uniforms.
          x = spot.x + (random() + random() + random() - 1.5) * spot.spread;
          y = spot.y + (random() + random() + random() - 1.5) * spot.spread;
        }
        const column = Math.min(columns - 1, Math.max(0, Math.floor((x / pageWidth) * columns)));
        const row = Math.min(4_999, Math.max(0, Math.floor(y / rowPx)));
        const key = row * columns + column;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const cells = [...counts].map(([key, count]) => ({ column: key % columns, row: Math.floor(key / columns), count })).sort((a, b) => a.row - b.row || a.column - b.column);
      const busiest = cells.reduce((best, cell) => (cell.count > best.count ? cell : best));
      // What arrives from the API: the report's JSON.
      const body = JSON.stringify({ kind: "click", total: 1_000_000, pageViews: 250_000, columns, rowPx, cells });

      const drawing = (window as unknown as { heatmapDrawing: typeof import("../src/pages/t/sites/heatmaps/drawHeatmap.js") & typeof import("../src/pages/t/sites/heatmaps/pageFit.js") }).heatmapDrawing;
      const canvas = document.getElementById("heat") as HTMLCanvasElement;
      const started = performance.now();
      const report = JSON.parse(body) as { kind: "click"; columns: number; rowPx: number; cells: { column: number; row: number; count: number }[] };
      const parsed = performance.now();
      const fit = drawing.fitPage({ pageWidth, pageHeight, panelWidth: 1000 });
      const maxCount = drawing.drawHeatmap(canvas, report, fit, 1);
      // Reading one pixel back waits for the drawing to be done, not merely queued.
      const context = canvas.getContext("2d")!;
      // The canvas may hold fewer pixels than CSS px on so long a page (canvasBacking).
      const centre = { x: Math.floor((busiest.column + 0.5) * (fit.width / columns) * (canvas.width / fit.width)), y: Math.floor((busiest.row + 0.5) * rowPx * fit.scale * (canvas.height / fit.height)) };
      const pixel = [...context.getImageData(centre.x, centre.y, 1, 1).data];
      const drawn = performance.now();
      return { cells: cells.length, maxCount, busiestCount: busiest.count, pixel, parseMs: parsed - started, drawMs: drawn - parsed, totalMs: drawn - started };
    });
    console.log(
      `heatmap of 1 000 000 clicks (${result.cells} cells): JSON.parse ${result.parseMs.toFixed(0)} ms, draw ${result.drawMs.toFixed(0)} ms, total ${result.totalMs.toFixed(0)} ms after the data arrived`,
    );
    expect(result.cells).toBeGreaterThan(100_000);
    expect(result.maxCount).toBe(result.busiestCount);
    // The busiest cell is drawn in viridis' top colour (#fde725), give or take the rounding of the canvas's premultiplied alpha.
    [0xfd, 0xe7, 0x25].forEach((channel, index) => expect(Math.abs(result.pixel[index]! - channel)).toBeLessThanOrEqual(2));
    await page.close();
  });
});
