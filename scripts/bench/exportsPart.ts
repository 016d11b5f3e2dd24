import { gzipSync } from "node:zlib";
import { Binary } from "mongodb";
import { analyticsCollections, type RecordingChunkDoc, type SessionDoc } from "@mousetrail/server/db/analyticsCollections";
import { createApiKey } from "@mousetrail/server/domain/apiKeys/createApiKey";
import { createSite } from "@mousetrail/server/domain/sites/createSite";
import { recordedCheckoutEvents } from "@mousetrail/server/testing/collectClient";
import { tenantScope } from "@mousetrail/server/repositories/tenantScope";
import type { BenchPart, PartContext, PartResult } from "./benchPart.js";
import { figure, formatNumber, median } from "./figures.js";

/** Rows of the export measurement: a million by default (the issue's figure); `BENCH_EXPORT_ROWS` for a smoke run. */
const exportRows = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
/** A 30-minute recording: a batch every 5 s, as the recorder sends. */
const recordingMinutes = 30;
const batchSeconds = 5;
const movesPerBatch = 150;
const rssSampleMs = 100;
const megabyte = 1024 * 1024;

/**
 * Export throughput and memory (`GET /exports/sessions` over a million stored sessions: rows per
 * second, and the server process's peak RSS while it streams, target under 300 MB, and flat: the
 * peak exporting every row against the peak exporting a tenth of them), and the time to the
 * first piece of a 30-minute recording streamed by `GET /recordings/events` against the time to
 * load it whole (target at most a tenth). Measured through real HTTP against the in-process server.
 */
export const exportsPart: BenchPart = {
  name: "exports",
  title: "session export throughput and memory; time to the first chunk of a 30-minute recording",
  async run(context: PartContext): Promise<PartResult> {
    const environment = await context.environment();
    const db = environment.db;
    const call = { scope: tenantScope(db, environment.benchSite.tenantId), actor: { type: "user" as const, id: "bench", platform: false }, now: new Date() };
    // A site of its own: other parts store sessions on the bench site.
    const site = await createSite(call, { name: "Bench exports", allowedOrigins: ["https://exports.bench.example"] });
    const { secret } = await createApiKey(call, { name: "bench exports", scopes: ["reports:read"] });
    const get = (path: string, input: unknown) =>
      fetch(`${environment.server.url}${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { authorization: `Bearer ${secret}` } });

    context.log(`exports: storing ${exportRows.toLocaleString("en-GB")} sessions`);
    await storeSessions(db, site.tenantId, site._id, exportRows);
    // The server is a process of its own: its resident set is sampled while it exports.
    const exportMeasured = async (rows: number, to: Date | undefined): Promise<{ rows: number; seconds: number; peakRssMb: number }> => {
      let peak = (await environment.server.memory()).rssBytes;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, (await environment.server.memory()).rssBytes);
          await new Promise((resume) => setTimeout(resume, rssSampleMs));
        }
      })();
      const started = performance.now();
      const response = await get("/exports/sessions", { tenantId: site.tenantId, siteId: site._id, format: "csv", ...(to ? { to: to.toISOString() } : {}) });
      let lines = 0;
      for await (const piece of response.body as AsyncIterable<Uint8Array>) for (const byte of piece) if (byte === 10) lines++;
      const seconds = (performance.now() - started) / 1000;
      sampling = false;
      await sampler;
      peak = Math.max(peak, (await environment.server.memory()).rssBytes);
      if (lines - 1 !== rows) throw new Error(`the export held ${lines - 1} rows, not ${rows}`);
      return { rows, seconds, peakRssMb: peak / megabyte };
    };
    const tenthRows = Math.ceil(exportRows / 10);
    const exportRounds: { rows: number; seconds: number; rssBeforeMb: number; peakRssMb: number; tenthPeakRssMb: number }[] = [];
    for (let round = 0; round < context.settings.rounds; round++) {
      const rssBefore = (await environment.server.memory()).rssBytes;
      // A tenth of the rows first (the sessions stored first start before the rest), then all of them:
      // an export whose memory grew with its rows would peak about ten times higher above the start.
      const tenth = await exportMeasured(tenthRows, new Date(sessionsStart + tenthRows * sessionSpacingMs));
      const all = await exportMeasured(exportRows, undefined);
      exportRounds.push({ rows: all.rows, seconds: all.seconds, rssBeforeMb: rssBefore / megabyte, peakRssMb: all.peakRssMb, tenthPeakRssMb: tenth.peakRssMb });
      context.log(
        `exports: round ${round + 1}: ${formatNumber(exportRows / all.seconds)} rows/s, server RSS ${formatNumber(rssBefore / megabyte)} -> peak ${formatNumber(tenth.peakRssMb)} MB (${tenthRows.toLocaleString("en-GB")} rows), ${formatNumber(all.peakRssMb)} MB (${exportRows.toLocaleString("en-GB")} rows)`,
      );
    }

    context.log(`exports: storing a ${recordingMinutes}-minute recording`);
    const recording = await storeRecording(db, site.tenantId, site._id);
    const streamRounds: { firstChunkMs: number; wholeMs: number; bytes: number }[] = [];
    // One warm-up read (not counted): the first loads the site's policy and compiles the masking.
    for (let round = -1; round < context.settings.rounds; round++) {
      const started = performance.now();
      const response = await get("/recordings/events", { tenantId: site.tenantId, siteId: site._id, sessionId: recording.sessionKey });
      let firstChunkMs: number | null = null;
      let bytes = 0;
      for await (const piece of response.body as AsyncIterable<Uint8Array>) {
        firstChunkMs ??= performance.now() - started;
        bytes += piece.byteLength;
      }
      if (round >= 0) streamRounds.push({ firstChunkMs: firstChunkMs ?? Number.NaN, wholeMs: performance.now() - started, bytes });
    }

    const rowsPerSecond = median(exportRounds.map((round) => round.rows / round.seconds));
    const peakRss = Math.max(...exportRounds.map((round) => round.peakRssMb));
    const rssGrowth = Math.max(...exportRounds.map((round) => round.peakRssMb - round.rssBeforeMb));
    const tenthGrowth = Math.max(...exportRounds.map((round) => round.tenthPeakRssMb - round.rssBeforeMb));
    const firstChunk = median(streamRounds.map((round) => round.firstChunkMs));
    const whole = median(streamRounds.map((round) => round.wholeMs));
    const figures = [
      figure("sessions export throughput (CSV)", rowsPerSecond, "rows/s"),
      figure(`peak server RSS while exporting ${exportRows.toLocaleString("en-GB")} rows`, peakRss, "MB", { target: { op: "<=", limit: 300, text: "<= 300 MB" } }),
      figure(`server RSS growth while exporting ${tenthRows.toLocaleString("en-GB")} rows`, tenthGrowth, "MB"),
      // Flat: ten times the rows, at most 30 MB more at the peak (garbage collection's timing varies that much).
      figure(`server RSS growth while exporting ${exportRows.toLocaleString("en-GB")} rows`, rssGrowth, "MB", {
        target: { op: "<=", limit: tenthGrowth + 30, text: `<= ${formatNumber(tenthGrowth + 30)} MB (a tenth's + 30)` },
      }),
      figure("time to the first chunk of a 30-minute recording", firstChunk, "ms", {
        baseline: { name: "loaded whole", value: whole, unit: "ms" },
        target: { op: "<=", limit: 0.1, text: "<= 0.1 x whole" },
      }),
    ];
    const report = [
      `Export of ${exportRows.toLocaleString("en-GB")} sessions as CSV, ${context.settings.rounds} rounds: ${exportRounds
        .map((round) => `${formatNumber(round.rows / round.seconds)} rows/s, RSS ${formatNumber(round.rssBeforeMb)} -> peak ${formatNumber(round.tenthPeakRssMb)} MB for a tenth, ${formatNumber(round.peakRssMb)} MB for all`)
        .join("; ")}.`,
      `Recording of ${recording.chunks} chunks (${recording.events.toLocaleString("en-GB")} events, ${formatNumber(streamRounds[0]!.bytes / megabyte)} MB as NDJSON): first chunk ${streamRounds
        .map((round) => formatNumber(round.firstChunkMs))
        .join(", ")} ms; whole ${streamRounds.map((round) => formatNumber(round.wholeMs)).join(", ")} ms.`,
    ].join("\n");
    return { figures, report, details: { exportRounds, streamRounds, exportRows, recording } };
  },
};

/** The stored sessions start one after another from this instant. */
const sessionsStart = Date.UTC(2026, 0, 1);
const sessionSpacingMs = 1000;

async function storeSessions(db: import("mongodb").Db, tenantId: string, siteId: string, count: number): Promise<void> {
  const sessions = analyticsCollections(db).sessions;
  const batch = 5_000;
  for (let from = 0; from < count; from += batch) {
    const documents: SessionDoc[] = [];
    for (let index = from; index < Math.min(count, from + batch); index++) {
      const firstSeenAt = new Date(sessionsStart + index * sessionSpacingMs);
      documents.push({
        tenantId,
        siteId,
        sessionKey: `bench-${index.toString(36).padStart(22, "0")}`,
        visitorKey: `bench-visitor-${index % 50_000}`,
        firstSeenAt,
        lastSeenAt: new Date(firstSeenAt.getTime() + 60_000 + (index % 600) * 1000),
        pageCount: 1 + (index % 7),
        eventCount: 100 + (index % 900),
        entryUrl: `https://shop.bench.example/products/${index % 500}?ref=a,b`,
        referrer: null,
        technical: { browser: index % 3 ? "Chrome" : "Firefox", os: "Windows", deviceClass: index % 4 ? "desktop" : "mobile", language: "en-GB", timeZone: "Europe/London", screenWidth: 1920, screenHeight: 1080 },
        ipTruncated: "198.51.100.0",
        policy: { id: "mousestats", version: 1 },
        violationCount: index % 50 === 0 ? 1 : 0,
        rageClicks: index % 20 === 0 ? 2 : 0,
        deadClicks: 0,
      });
    }
    await sessions.insertMany(documents, { ordered: false });
  }
}

/** A full snapshot of the recorded checkout page, then a batch of mouse moves and scrolls every 5 s for 30 minutes. */
async function storeRecording(db: import("mongodb").Db, tenantId: string, siteId: string): Promise<{ sessionKey: string; chunks: number; events: number }> {
  const sessionKey = "bench-recording-00000000000";
  const start = Date.UTC(2026, 0, 1);
  const chunkCount = (recordingMinutes * 60) / batchSeconds;
  let events = 0;
  const chunks = analyticsCollections(db).recordingChunks;
  for (let seq = 0; seq < chunkCount; seq++) {
    const at = start + seq * batchSeconds * 1000;
    const batch: unknown[] =
      seq === 0
        ? recordedCheckoutEvents()
        : Array.from({ length: movesPerBatch }, (_, index) =>
            index % 10 === 9
              ? { type: 3, timestamp: at + index * 30, data: { source: 3, id: 1, x: 0, y: (seq * 37 + index) % 2400 } }
              : { type: 3, timestamp: at + index * 30, data: { source: 1, positions: [{ x: (index * 13) % 1280, y: (seq * 7 + index) % 720, id: 12, timeOffset: -10 }] } },
          );
    events += batch.length;
    const json = Buffer.from(JSON.stringify(batch));
    const compressed = gzipSync(json);
    const chunk: RecordingChunkDoc = {
      tenantId,
      siteId,
      sessionKey,
      pageId: "bench-page",
      seq,
      receivedAt: new Date(at),
      firstEventAt: new Date(at),
      lastEventAt: new Date(at + batchSeconds * 1000),
      eventCount: batch.length,
      events: new Binary(compressed),
      rawBytes: json.length,
      storedBytes: compressed.length,
      policy: { id: "mousestats", version: 1 },
      context: {
        visitorKey: "bench-visitor",
        technical: {},
        ipTruncated: null,
        breakpoint: "desktop",
        urlKey: "shop.bench.example/checkout",
        day: "2026-01-01",
        page: null,
        view: null,
        violationCount: 0,
      },
      rollup: { state: "applied", claimedUntil: new Date(0) },
    };
    await chunks.insertOne(chunk);
  }
  return { sessionKey, chunks: chunkCount, events };
}
