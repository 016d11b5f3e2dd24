import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureConsoleBuilt } from "./consoleBrowser.js";

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist");
const read = (asset: string) => readFileSync(path.join(dist, asset.replace(/^\//, "")));

/** What the browser fetches before the sign-in form can show: the entry and what it preloads. */
function initialScripts(html: string): string[] {
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((match) => match[1] as string);
  return [...new Set(sources)];
}

describe("the console's bundle", () => {
  beforeAll(() => ensureConsoleBuilt());

  it("loads at most 80 kB of gzipped JavaScript before sign-in; the rest comes as route chunks", () => {
    const html = read("index.html").toString("utf8");
    const scripts = initialScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((total, script) => total + gzipSync(read(script), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(80 * 1024);
    // Kobalte (dialogs, menus, tabs, toasts) is used only behind sign-in.
    for (const script of scripts) expect(read(script).toString("utf8")).not.toContain("data-kb-top-layer");
  });

  it("loads the chart library (uPlot) only with the Overview's route chunk, itself at most 40 kB gzipped", () => {
    const chunks = readdirSync(path.join(dist, "assets")).filter((asset) => asset.endsWith(".js"));
    // "u-over" is the class of uPlot's drawing layer: present wherever uPlot's code is.
    const withChart = chunks.filter((chunk) => read(`assets/${chunk}`).toString("utf8").includes("u-over"));
    expect(withChart).toEqual([expect.stringMatching(/^overviewPage-[\w-]+\.js$/)]);
    const html = read("index.html").toString("utf8");
    for (const script of initialScripts(html)) expect(script).not.toContain("overviewPage");
    expect(gzipSync(read(`assets/${withChart[0]}`), { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
  });

  it("loads the heatmap code and rrweb's snapshot rebuilding only on the Heatmaps screen, in at most 40 kB gzipped", () => {
    const chunks = readdirSync(path.join(dist, "assets")).filter((file) => file.endsWith(".js"));
    const heatmapChunk = chunks.find((file) => file.startsWith("heatmapsPage-"));
    expect(heatmapChunk, "a heatmapsPage chunk").toBeDefined();
    const heatmapCode = read(`assets/${heatmapChunk}`);
    // rrweb's rebuild (its sandboxed iframe, its data-URL images) is in the screen's chunk...
    expect(heatmapCode.toString("utf8")).toContain("rr_dataURL");
    expect(gzipSync(heatmapCode, { level: 9 }).length).toBeLessThanOrEqual(40 * 1024);
    // ...and neither before sign-in nor in the site's layout, which every site screen loads.
    const html = read("index.html").toString("utf8");
    const siteLayout = chunks.filter((file) => file.startsWith("siteLayout-"));
    for (const script of [...initialScripts(html), ...siteLayout.map((file) => `assets/${file}`)]) expect(read(script).toString("utf8")).not.toContain("rr_dataURL");
  });

  it("loads rrweb's replayer only on the replay screen: one lazy route chunk that nothing imports statically", () => {
    const html = read("index.html").toString("utf8");
    const chunks = readdirSync(path.join(dist, "assets")).filter((file) => file.endsWith(".js"));
    // rrweb's player names its wrapper so; no other code in the console does.
    const withReplayer = chunks.filter((file) => read(`assets/${file}`).toString("utf8").includes("replayer-wrapper"));
    expect(withReplayer).toHaveLength(1);
    const [replayChunk] = withReplayer as [string];
    expect(replayChunk).toMatch(/^replayPage-/);
    expect(initialScripts(html).map((script) => path.basename(script))).not.toContain(replayChunk);
    const staticImport = new RegExp(`(?:from|import)\\s*["'\`]\\./${replayChunk.replace(/[.$]/g, "\\$&")}`);
    for (const file of chunks) expect(read(`assets/${file}`).toString("utf8"), file).not.toMatch(staticImport);
    const lazily = chunks.filter((file) => read(`assets/${file}`).toString("utf8").includes(`import(\`./${replayChunk}\`)`));
    expect(lazily.length).toBeGreaterThan(0);
  });

  it("has no inline script for the CSP to refuse", () => {
    const html = read("index.html").toString("utf8");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
