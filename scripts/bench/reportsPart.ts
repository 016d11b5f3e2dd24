import { performance } from "node:perf_hooks";
import type { AnyBulkWriteOperation, Db } from "mongodb";
import { analyticsCollections, type HeatmapRollupDoc } from "@mousetrail/server/db/analyticsCollections";
import { heatmapReport } from "@mousetrail/server/rollups/queries/heatmapReport";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import type { BenchPart } from "./benchPart.js";
import { figure, formatNumber, renderTable } from "./figures.js";

/**
 * The heatmap's read cost against the clicks behind it. For each volume, one page of the bench
 * site gets that many clicks spread over `days` days, written as the derivation writes them
 * (rounds of `$inc` upserts of the day's cells on the rollup's unique key), and its heatmap is
 * read through the report the API serves (`heatmapReport`: cells, page views, snapshot lookup).
 * At the largest volume the same clicks are also stored raw, as chunks of click events (one
 * document per `rawChunkEvents` clicks of a day, as a recorder batch holds, uncompressed: the product's recordings are gzip,
 * which no `$group` can read, so this is the raw form most favourable to the baseline), and the
 * heatmap is computed from them with `$unwind` + `$group`: the baseline, in the same run.
 *
 * Clicks land on the page's clickable elements, not uniformly: `targets` element cells with
 * Zipf-distributed popularity (a few buttons take most clicks), from a seeded generator so every
 * run writes the same data. Volumes: BENCH_REPORTS_CLICKS (comma-separated), default 10k and 1M.
 */

const days = 7;
const targets = 250;
const clicksPerRound = 10_000;
const queryRounds = 60;
const warmUp = 5;
const baselineRounds = 3;
const firstDay = Date.parse("2026-03-01T00:00:00Z");
const dayOf = (index: number) => new Date(firstDay + index * 86_400_000).toISOString().slice(0, 10);
const rawCollection = "benchRawClickChunks";
/** Click events per raw chunk: a recorder batch's worth. */
const rawChunkEvents = 50;
/** The baseline stops repeating once it has taken this long (one round at least). */
const baselineBudgetMs = 60_000;

interface RawClickChunk {
  tenantId: string;
  siteId: string;
  urlKey: string;
  breakpoint: "desktop";
  day: string;
  events: { at: number; column: number; row: number }[];
}

function volumes(): number[] {
  const text = process.env.BENCH_REPORTS_CLICKS ?? "10000,1000000";
  const parsed = text.split(",").map(Number);
  if (parsed.length < 2 || parsed.some((value) => !Number.isInteger(value) || value < 1)) {
    throw new Error(`BENCH_REPORTS_CLICKS must list at least two whole numbers of clicks, got ${text}`);
  }
  return parsed.sort((a, b) => a - b);
}

/** mulberry32: a small seeded generator, so the data is the same in every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The clickable elements' cells, and a sampler of them by Zipf popularity. */
function clickSampler(random: () => number): () => { column: number; row: number } {
  const cells = Array.from({ length: targets }, () => ({ column: Math.floor(random() * 100), row: Math.floor(random() * 400) }));
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= targets; rank++) cumulative.push((sum += 1 / rank));
  return () => {
    const needle = random() * sum;
    let low = 0;
    let high = targets - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] as number) < needle) low = middle + 1;
      else high = middle;
    }
    return cells[low] as { column: number; row: number };
  };
}

/** Writes `clicks` clicks of one page: rollups in rounds as the derivation does, and the raw events when asked. */
async function generate(db: Db, page: { tenantId: string; siteId: string; urlKey: string }, clicks: number, withRaw: boolean): Promise<{ rollupMs: number; rawMs: number }> {
  const random = seeded(clicks);
  const sample = clickSampler(seeded(42));
  const data = analyticsCollections(db);
  let rollupMs = 0;
  let rawMs = 0;
  for (let written = 0; written < clicks; written += clicksPerRound) {
    const size = Math.min(clicksPerRound, clicks - written);
    const byDay = new Map<string, Map<string, number>>();
    const raw = new Map<string, RawClickChunk>();
    const full: RawClickChunk[] = [];
    for (let index = 0; index < size; index++) {
      const dayIndex = Math.floor(random() * days);
      const day = dayOf(dayIndex);
      const cell = sample();
      const key = `${cell.column}_${cell.row}`;
      const cells = byDay.get(day) ?? new Map<string, number>();
      byDay.set(day, cells.set(key, (cells.get(key) ?? 0) + 1));
      if (withRaw) {
        const chunk = raw.get(day) ?? { ...page, breakpoint: "desktop" as const, day, events: [] };
        raw.set(day, chunk);
        chunk.events.push({ at: firstDay + dayIndex * 86_400_000 + Math.floor(random() * 86_400_000), ...cell });
        if (chunk.events.length === rawChunkEvents) {
          full.push(chunk);
          raw.delete(day);
        }
      }
    }
    const started = performance.now();
    const upserts: AnyBulkWriteOperation<HeatmapRollupDoc>[] = [...byDay].map(([day, cells]) => ({
      updateOne: {
        filter: { ...page, breakpoint: "desktop", day, kind: "click" },
        update: { $inc: { total: [...cells.values()].reduce((a, b) => a + b, 0), ...Object.fromEntries([...cells].map(([key, count]) => [`cells.${key}`, count])) } },
        upsert: true,
      },
    }));
    await data.heatmapRollups.bulkWrite(upserts, { ordered: false });
    rollupMs += performance.now() - started;
    if (withRaw) {
      const rawStarted = performance.now();
      await db.collection<RawClickChunk>(rawCollection).insertMany([...full, ...raw.values()], { ordered: false });
      rawMs += performance.now() - rawStarted;
    }
  }
  // Every page view reaches depth 0: the page views behind the heatmap (one per 20 clicks).
  await data.scrollRollups.updateOne({ ...page, breakpoint: "desktop", day: dayOf(0) }, { $inc: { "reached.0": Math.ceil(clicks / 20) } }, { upsert: true });
  return { rollupMs, rawMs };
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] as number;
}

export const reportsPart: BenchPart = {
  name: "reports",
  title: "Heatmap query cost against the clicks behind it, and against a $group over raw events",
  async run(context) {
    const environment = await context.environment();
    const db = environment.db;
    const site = environment.benchSite;
    const scope = tenantScope(db, site.tenantId);
    const counts = volumes();
    const largest = counts[counts.length - 1] as number;
    await db.collection(rawCollection).createIndex({ tenantId: 1, siteId: 1, urlKey: 1, breakpoint: 1, day: 1 });

    const measured: { clicks: number; p50: number; p95: number; cells: number; generateMs: number; rawMs: number }[] = [];
    let baselineMs = 0;
    for (const clicks of counts) {
      const page = { tenantId: site.tenantId, siteId: site._id, urlKey: `shop.bench.example/heatmap-${clicks}` };
      context.log(`reports: writing ${clicks} clicks${clicks === largest ? " (and the raw events)" : ""}`);
      const generated = await generate(db, page, clicks, clicks === largest);
      const query = { siteId: site._id, urlKey: page.urlKey, breakpoint: "desktop" as const, kind: "click" as const, fromDay: dayOf(0), toDay: dayOf(days - 1) };
      let cells = 0;
      const times: number[] = [];
      for (let round = 0; round < warmUp + queryRounds; round++) {
        const { ms, value } = await timed(() => heatmapReport(scope, query));
        if (value.total !== clicks) throw new Error(`the heatmap of ${clicks} clicks counted ${value.total}`);
        cells = value.cells.length;
        if (round >= warmUp) times.push(ms);
      }
      times.sort((a, b) => a - b);
      measured.push({ clicks, p50: percentile(times, 0.5), p95: percentile(times, 0.95), cells, generateMs: generated.rollupMs, rawMs: generated.rawMs });

      if (clicks === largest) {
        context.log(`reports: $group over ${clicks} raw click events`);
        const baselineTimes: number[] = [];
        let spent = 0;
        for (let round = 0; round < baselineRounds && spent < baselineBudgetMs; round++) {
          const { ms, value } = await timed(() =>
            db
              .collection<RawClickChunk>(rawCollection)
              .aggregate<{ count: number }>([
                { $match: { tenantId: page.tenantId, siteId: page.siteId, urlKey: page.urlKey, breakpoint: "desktop", day: { $gte: query.fromDay, $lte: query.toDay } } },
                { $unwind: "$events" },
                { $group: { _id: { column: "$events.column", row: "$events.row" }, count: { $sum: 1 } } },
              ])
              .toArray(),
          );
          if (value.reduce((total, cell) => total + cell.count, 0) !== clicks) throw new Error("the raw $group did not count every click");
          if (value.length !== cells) throw new Error(`the raw $group found ${value.length} cells, the rollups ${cells}`);
          baselineTimes.push(ms);
          spent += ms;
        }
        baselineTimes.sort((a, b) => a - b);
        baselineMs = percentile(baselineTimes, 0.5);
      }
    }
    await db.collection(rawCollection).drop();

    const smallest = measured[0] as (typeof measured)[number];
    const biggest = measured[measured.length - 1] as (typeof measured)[number];
    const label = (clicks: number) => (clicks >= 1_000_000 ? `${clicks / 1_000_000}M` : clicks >= 1_000 ? `${clicks / 1_000}k` : String(clicks));
    const figures = [
      figure(`heatmap query p50, ${label(smallest.clicks)} clicks`, smallest.p50, "ms"),
      figure(`heatmap query p95, ${label(smallest.clicks)} clicks`, smallest.p95, "ms"),
      figure(`heatmap query p50, ${label(biggest.clicks)} clicks`, biggest.p50, "ms", {
        baseline: { name: `p50 at ${label(smallest.clicks)}`, value: smallest.p50, unit: "ms" },
        target: { op: "<=", limit: 1.5, text: `<= 1.5 x p50 at ${label(smallest.clicks)}` },
      }),
      figure(`heatmap query p95, ${label(biggest.clicks)} clicks`, biggest.p95, "ms", {
        baseline: { name: `p95 at ${label(smallest.clicks)}`, value: smallest.p95, unit: "ms" },
        target: { op: "<=", limit: 1.5, text: `<= 1.5 x p95 at ${label(smallest.clicks)}` },
      }),
      figure(`raw-event $group, ${label(biggest.clicks)} clicks (p50)`, baselineMs, "ms", {
        baseline: { name: `heatmap p50 at ${label(biggest.clicks)}`, value: biggest.p50, unit: "ms" },
        target: { op: ">=", limit: 50, text: `>= 50 x heatmap p50` },
      }),
    ];
    const report = renderTable(
      ["clicks", "cells", "heatmap p50 ms", "heatmap p95 ms", "rollup writes ms", "raw inserts ms"],
      measured.map((row) => [String(row.clicks), String(row.cells), formatNumber(row.p50), formatNumber(row.p95), formatNumber(row.generateMs), row.rawMs ? formatNumber(row.rawMs) : "-"]),
    );
    return {
      figures,
      report: `${report}\n\n${days} days, ${targets} clickable element cells (Zipf), ${queryRounds} heatmap reads after ${warmUp} warm-up; raw $unwind + $group ${baselineRounds} rounds at most (${formatNumber(baselineBudgetMs / 1000)} s budget): p50 ${formatNumber(baselineMs)} ms.`,
      details: { days, targets, queryRounds, baselineRounds, measured, baselineMs },
    };
  },
};
