import { cpus } from "node:os";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import { benchOrigin, type BenchEnvironment } from "./benchEnvironment.js";
import type { BenchPart, PartContext } from "./benchPart.js";
import { startBaselineServers, type BaselineServers } from "./baselineServers.js";
import { chunksStoredSince, derivationTimes, waitForDerivation, type StoredChunk } from "./derivation.js";
import { figure, formatNumber, median, percentile } from "./figures.js";
import { formatCpuPerRequest, startCpuMeter, type CpuPerRequest } from "./processCpu.js";
import { prepareInsertManyBaseline, type InsertManyBaseline, type InsertManyResult } from "./insertManyBaseline.js";
import { startLoadClient, type LoadClient, type LoadRunResult } from "./loadClient.js";
import { buildVisits, recordedVisits, recorderHeaders, type Visit } from "./recorderBatches.js";
import { addMetricsDelta, renderStepTimings, snapshotMetrics, stepTimings, type MetricsSnapshot } from "./stepTimings.js";

/** Batches of each warm-up pass, which also measures the rates the rounds are sized from. */
const warmupBatches = 500;
/** Distinct batches the echo baseline cycles through (it stores nothing, so repeats are harmless). */
const echoBatches = 1_000;
/** The least a baseline run sends, however slow the previous one was. */
const minBaselineRequests = 500;

interface Throughput {
  requests: number;
  events: number;
  seconds: number;
  requestsPerSecond: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

interface RoundFigures {
  /** /collect, from the first request to the last of its batches derived. */
  ingest: Throughput & { ackSeconds: number; lagP95Ms: number; lagMaxMs: number; chunksWithoutAppliedAt: number; storedBefore: number };
  b1: Throughput;
  b2: { documents: number; events: number; seconds: number; eventsPerSecond: number; heldBefore: number };
  b3: Throughput;
  ratios: { b3Requests: number; b1Requests: number; b2Events: number };
  /** CPU per request of each process: /collect until derived, and B3. */
  cpu: { ingest: CpuPerRequest; b3: CpuPerRequest };
}

/**
 * Throughput of POST /collect, derived included, against three baselines measured in the same
 * rounds, interleaved, so that the machine's noise falls on all alike: B1 a bare Koa echo, B2
 * raw insertMany of the chunks the round stored, B3 a bare Koa route storing each batch as one
 * document. Every ratio is computed per round, then summarised.
 */
export const ingestPart: BenchPart = {
  name: "ingest",
  title: "Ingestion: POST /collect (derived included) against a bare Koa echo (B1), raw insertMany (B2) and a bare durable store (B3)",
  async run(context) {
    const environment = await context.environment();
    const baselines = await startBaselineServers(environment);
    const load = await startLoadClient().catch(async (error: unknown) => {
      await baselines.close();
      throw error;
    });
    const insertMany = await prepareInsertManyBaseline(environment.db);
    try {
      return await measureIngest(context, environment, baselines, load, insertMany);
    } finally {
      await load.close();
      await baselines.close();
      await insertMany.drop();
    }
  },
};

async function measureIngest(context: PartContext, environment: BenchEnvironment, baselines: BaselineServers, load: LoadClient, insertMany: InsertManyBaseline) {
  const { settings } = context;
  const { server, benchSite, db } = environment;
  const headers = recorderHeaders(benchOrigin);
  const recorded = await recordedVisits();
  const sample = describeBodies(buildVisits(recorded.visits, { siteKey: benchSite.siteKey, origin: benchOrigin, count: recorded.visits.length }));
  // Whole cycles through the recorded visits, so every run has the same mix of them.
  const visitsFor = (batches: number) => recorded.visits.length * Math.max(1, Math.ceil(batches / sample.batches));
  const visitsOf = (count: number) => buildVisits(recorded.visits, { siteKey: benchSite.siteKey, origin: benchOrigin, count });
  const drainTimeoutMs = Math.max(60_000, settings.seconds * 6_000);
  const run = { pool: "", headers, concurrency: settings.concurrency, repeat: false };

  // The processes a request costs CPU in: the server (or B3), the database and the load generator.
  const database = environment.databaseServer.pid;
  const ingestCpu = () => startCpuMeter({ server: server.pid, database, load: load.pid });
  const storeCpu = () => startCpuMeter({ B3: baselines.storePid, database, load: load.pid });

  let poolNumber = 0;
  const withPool = async <T>(visits: Visit[], measure: (pool: string, requests: number) => Promise<T>) => {
    const pool = `pool-${poolNumber++}`;
    await load.pool(pool, visits);
    try {
      return await measure(pool, visits.reduce((sum, visit) => sum + visit.bodies.length, 0));
    } finally {
      await load.drop(pool);
    }
  };

  /** A round of /collect: fresh batches sent, then waited for until every one is derived. */
  const ingestRound = async (visits: Visit[]) => {
    const storedBefore = await analyticsCollections(db).recordingChunks.countDocuments({});
    const since = new Date();
    const before = snapshotMetrics(await server.metrics());
    const { result, cpu } = await withPool(visits, async (pool, requests) => {
      const cpuUntil = ingestCpu();
      const sent = expectAll(await load.run({ ...run, pool, url: `${server.url}/collect?enc=gzip`, requests, expectStatus: 204 }), "POST /collect");
      await waitForDerivation(db, benchSite._id, { timeoutMs: drainTimeoutMs });
      return { result: sent, cpu: cpuUntil(sent.requests) };
    });
    const after = snapshotMetrics(await server.metrics());
    const chunks = await chunksStoredSince(db, benchSite._id, since);
    if (chunks.length !== result.requests) throw new Error(`POST /collect acknowledged ${result.requests} batches but stored ${chunks.length} chunks`);
    const times = derivationTimes(chunks);
    // Counted up to the last batch derived: the server's clock and the load's are this machine's.
    const drainedMs = Math.max(result.elapsedMs, (times.lastAppliedAtMs ?? 0) - result.startedAtMs);
    return { result, drainedMs, times, before, after, chunks, storedBefore, cpu };
  };
  const echoRound = async (requests: number) =>
    expectAll(await load.run({ ...run, pool: "echo", url: `${baselines.echoUrl}/collect?enc=gzip`, requests, repeat: true, expectStatus: 200 }), "B1 echo");
  const storeRound = (visits: Visit[]) =>
    withPool(visits, async (pool, requests) => {
      const cpuUntil = storeCpu();
      const result = expectAll(await load.run({ ...run, pool, url: `${baselines.storeUrl}/collect?enc=gzip`, requests, expectStatus: 204 }), "B3 store");
      return { result, cpu: cpuUntil(result.requests) };
    });
  const insertManyRound = async (chunks: readonly StoredChunk[], storedBefore: number): Promise<InsertManyResult> => {
    await insertMany.topUp(storedBefore, chunks);
    return insertMany.run(chunks, { concurrency: settings.concurrency });
  };

  // Two warm-up passes (the first also warms the database's JIT); each measurement is then sized
  // from the rate of the one before it, so that it lasts about `seconds`.
  const perSecond = (requests: number, ms: number) => requests / (ms / 1000);
  await load.pool("echo", visitsOf(visitsFor(echoBatches)));
  const rate = { ingest: 0, echo: 0, store: 0 };
  let warmupRequests = 0;
  for (let pass = 1; pass <= 2; pass++) {
    context.log(`warm-up ${pass}/2: about ${warmupBatches} batches to /collect, then B1, B2 and B3`);
    const warm = await ingestRound(visitsOf(visitsFor(warmupBatches)));
    const warmEcho = await echoRound(Math.max(2_000, Math.ceil(rate.echo * 2)));
    await insertManyRound(warm.chunks, warm.storedBefore);
    const { result: warmStore } = await storeRound(visitsOf(visitsFor(Math.max(warmupBatches, rate.store * 2))));
    rate.ingest = perSecond(warm.result.requests, warm.drainedMs);
    rate.echo = perSecond(warmEcho.requests, warmEcho.elapsedMs);
    rate.store = perSecond(warmStore.requests, warmStore.elapsedMs);
    warmupRequests += warm.result.requests;
  }

  const rounds: RoundFigures[] = [];
  const lags: number[] = [];
  const measuredSteps: MetricsSnapshot = new Map();
  for (let round = 1; round <= settings.rounds; round++) {
    const ingestVisits = visitsFor(rate.ingest * settings.seconds);
    const echoRequests = Math.max(minBaselineRequests, Math.ceil(rate.echo * settings.seconds));
    const storeVisits = visitsFor(Math.max(minBaselineRequests, rate.store * settings.seconds));
    context.log(
      `round ${round}/${settings.rounds}: B1 ${echoRequests} requests, /collect ${(ingestVisits / recorded.visits.length) * sample.batches} batches and their derivation, ` +
        `B2 the chunks they stored, B3 ${(storeVisits / recorded.visits.length) * sample.batches} batches`,
    );
    const echo = await echoRound(echoRequests);
    const ingest = await ingestRound(visitsOf(ingestVisits));
    addMetricsDelta(measuredSteps, ingest.before, ingest.after);
    const inserted = await insertManyRound(ingest.chunks, ingest.storedBefore);
    const { result: store, cpu: storeCpuUse } = await storeRound(visitsOf(storeVisits));
    rate.ingest = perSecond(ingest.result.requests, ingest.drainedMs);
    rate.echo = perSecond(echo.requests, echo.elapsedMs);
    rate.store = perSecond(store.requests, store.elapsedMs);
    lags.push(...ingest.times.lagsMs);
    const figures: Omit<RoundFigures, "ratios" | "cpu"> = {
      ingest: {
        ...throughput(ingest.result, ingest.drainedMs),
        ackSeconds: ingest.result.elapsedMs / 1000,
        lagP95Ms: percentile(ingest.times.lagsMs, 95),
        lagMaxMs: Math.max(...ingest.times.lagsMs),
        chunksWithoutAppliedAt: ingest.times.withoutAppliedAt,
        storedBefore: ingest.storedBefore,
      },
      b1: throughput(echo, echo.elapsedMs),
      b2: {
        documents: inserted.documents,
        events: inserted.events,
        seconds: inserted.elapsedMs / 1000,
        eventsPerSecond: perSecond(inserted.events, inserted.elapsedMs),
        heldBefore: inserted.heldBefore,
      },
      b3: throughput(store, store.elapsedMs),
    };
    rounds.push({
      ...figures,
      ratios: {
        b3Requests: figures.ingest.requestsPerSecond / figures.b3.requestsPerSecond,
        b1Requests: figures.ingest.requestsPerSecond / figures.b1.requestsPerSecond,
        b2Events: figures.ingest.eventsPerSecond / figures.b2.eventsPerSecond,
      },
      cpu: { ingest: ingest.cpu, b3: storeCpuUse },
    });
  }

  const figures = summarise(rounds, lags, settings.concurrency);
  const withoutAppliedAt = rounds.reduce((sum, round) => sum + round.ingest.chunksWithoutAppliedAt, 0);
  const timings = stepTimings(measuredSteps);
  const report = [
    `Processes: the server under test (pid ${server.pid}, with its derivation worker), the load generator (pid ${load.pid}), ` +
      `B1 and B3 each in their own, the database in its own; this process runs B2 and reads what was stored.`,
    `Load: ${settings.concurrency} requests in flight (node:http, keep-alive), recorder headers (text/plain, ?enc=gzip, Origin, browser User-Agent); ` +
      `every /collect and B3 batch a new (session, page, seq).`,
    `Batches: ${recorded.source}, replayed in turn, each visit in its own tab with its recorded User-Agent; ` +
      `${formatNumber(sample.meanEvents)} events and ${formatNumber(sample.meanGzipBytes)} gzip bytes per batch on average.`,
    `Warm-up: ${warmupRequests} batches to /collect in two passes; then ${settings.rounds} rounds of B1, /collect, B2 and B3, each sized to last about ${settings.seconds} s. ` +
      `Ratios are per round (each round's /collect over that round's baseline), then the median (and the lowest) of the rounds.`,
    `/collect is timed from its first request until its last batch is derived (the latest rollup.appliedAt, server clock), the bench waiting for no chunk to be pending; ` +
      `derivation lag = rollup.appliedAt - receivedAt per chunk.` +
      (withoutAppliedAt ? ` ${withoutAppliedAt} chunks had no rollup.appliedAt: derived inside their request, before the 204, so their lag counts as 0.` : ""),
    `B2: each round's stored chunks inserted again (session key prefixed) with insertMany({ ordered: false }), one chunk per call, ${settings.concurrency} calls in flight, ` +
      `into one collection with recordingChunks' indexes holding, before each pass, as many documents as recordingChunks held before the round.`,
    `B3: a bare Koa route that reads the body (same bounded reader), gunzips it, parses it and inserts it as one document keyed by (site key, session, page, seq).`,
    "",
    `CPU: user + system time of each process (/proc) over the run, per request; idle = the machine's unused CPU (${cpus().length} cores together) over the same time. ` +
      `The database's includes the bench polling it for pending chunks while the last batches are derived.`,
    "",
    "Rounds (/collect derived included | ratios of the round):",
    ...rounds.map(
      (round, index) =>
        `  ${index + 1}: /collect ${formatNumber(round.ingest.requestsPerSecond)} req/s, ${formatNumber(round.ingest.eventsPerSecond)} events/s ` +
        `(${round.ingest.requests} batches acknowledged in ${formatNumber(round.ingest.ackSeconds)} s, derived by ${formatNumber(round.ingest.seconds)} s; ` +
        `lag p95 ${formatNumber(round.ingest.lagP95Ms)} ms; ${round.ingest.storedBefore} chunks stored before) | ` +
        `B1 ${formatNumber(round.b1.requestsPerSecond)} req/s | B2 ${formatNumber(round.b2.eventsPerSecond)} events/s (${round.b2.documents} chunks in ${formatNumber(round.b2.seconds)} s, ` +
        `${round.b2.heldBefore} held before) | B3 ${formatNumber(round.b3.requestsPerSecond)} req/s (${round.b3.requests} in ${formatNumber(round.b3.seconds)} s) | ` +
        `x B3 ${round.ratios.b3Requests.toFixed(3)}, x B2 ${round.ratios.b2Events.toFixed(3)}, x B1 ${round.ratios.b1Requests.toFixed(3)}\n` +
        `     CPU ms per batch: /collect until derived: ${formatCpuPerRequest(round.cpu.ingest)} | B3: ${formatCpuPerRequest(round.cpu.b3)}`,
    ),
    "",
    "Pipeline steps of /collect over the measured rounds (Pipeline.metrics of the server process; wall time per call, awaits included):",
    renderStepTimings(timings),
  ].join("\n");
  return { figures, report, details: { settings, load: { source: recorded.source, ...sample }, rounds, steps: timings } };
}

function summarise(rounds: readonly RoundFigures[], lags: readonly number[], concurrency: number) {
  const mid = (pick: (round: RoundFigures) => number) => median(rounds.map(pick));
  const ratios = (pick: (round: RoundFigures) => number) => rounds.map(pick);
  const at = `at ${concurrency} in flight`;
  const first = rounds[0] as RoundFigures;
  const last = rounds[rounds.length - 1] as RoundFigures;
  return [
    figure("ingest requests/s (derived included)", mid((r) => r.ingest.requestsPerSecond), "requests/s", {
      baseline: { name: "B3 bare Koa store", value: mid((r) => r.b3.requestsPerSecond), unit: "requests/s" },
      roundRatios: ratios((r) => r.ratios.b3Requests),
      target: { op: ">=", limit: 0.5, text: ">= 0.5 x B3" },
    }),
    figure("ingest events/s (derived included)", mid((r) => r.ingest.eventsPerSecond), "events/s", {
      baseline: { name: "B2 insertMany", value: mid((r) => r.b2.eventsPerSecond), unit: "events/s" },
      roundRatios: ratios((r) => r.ratios.b2Events),
      target: { op: ">=", limit: 0.2, text: ">= 0.2 x B2" },
    }),
    figure("ingest requests/s against the bare echo", mid((r) => r.ingest.requestsPerSecond), "requests/s", {
      baseline: { name: "B1 bare Koa echo", value: mid((r) => r.b1.requestsPerSecond), unit: "requests/s" },
      roundRatios: ratios((r) => r.ratios.b1Requests),
    }),
    figure(`derivation lag p95 ${at}`, percentile(lags, 95), "ms", { target: { op: "<=", limit: 2_000, text: "<= 2 s" } }),
    figure(`ingest requests/s, last round against the first (${rounds.length} rounds)`, last.ingest.requestsPerSecond, "requests/s", {
      baseline: { name: "first round", value: first.ingest.requestsPerSecond, unit: "requests/s" },
      target: { op: ">=", limit: 0.8, text: ">= 0.8 x first round" },
    }),
    ...cpuFigure(rounds),
    figure(`ingest p50 acknowledgement ${at}`, mid((r) => r.ingest.p50Ms), "ms", {
      baseline: { name: "B3 bare Koa store", value: mid((r) => r.b3.p50Ms), unit: "ms" },
    }),
    figure(`ingest p99 acknowledgement ${at}`, mid((r) => r.ingest.p99Ms), "ms", {
      baseline: { name: "B3 bare Koa store", value: mid((r) => r.b3.p99Ms), unit: "ms" },
    }),
  ];
}

/**
 * CPU per batch of the server and the database together, /collect (derived included) against
 * B3: where a batch's cost goes, whichever process is the bottleneck. None without the
 * database's process (an external one).
 */
function cpuFigure(rounds: readonly RoundFigures[]) {
  const serverAndDatabase = (cpu: CpuPerRequest, server: string) => {
    const [own, database] = [cpu.processes[server], cpu.processes.database];
    return own == null || database == null ? null : own + database;
  };
  const perRound = rounds.map((round) => ({ ingest: serverAndDatabase(round.cpu.ingest, "server"), b3: serverAndDatabase(round.cpu.b3, "B3") }));
  if (perRound.some(({ ingest, b3 }) => ingest === null || b3 === null)) return [];
  const measured = perRound as { ingest: number; b3: number }[];
  return [
    figure("CPU per batch, server and database (derived included)", median(measured.map((round) => round.ingest)), "ms", {
      baseline: { name: "B3 and the database", value: median(measured.map((round) => round.b3)), unit: "ms" },
      roundRatios: measured.map((round) => round.ingest / round.b3),
    }),
  ];
}

function throughput(result: LoadRunResult, ms: number): Throughput {
  return {
    requests: result.requests,
    events: result.events,
    seconds: ms / 1000,
    requestsPerSecond: result.requests / (ms / 1000),
    eventsPerSecond: result.events / (ms / 1000),
    p50Ms: percentile(result.latencies, 50),
    p99Ms: percentile(result.latencies, 99),
  };
}

function expectAll(result: LoadRunResult, what: string): LoadRunResult {
  if (result.unexpected.length > 0) {
    throw new Error(`${what}: unexpected answers ${JSON.stringify(result.statuses)}, e.g.\n  ${result.unexpected.join("\n  ")}`);
  }
  return result;
}

function describeBodies(visits: Visit[]): { batches: number; meanEvents: number; meanGzipBytes: number } {
  const bodies = visits.flatMap((visit) => visit.bodies);
  const events = visits.flatMap((visit) => visit.events);
  return {
    batches: bodies.length,
    meanEvents: events.reduce((sum, count) => sum + count, 0) / events.length,
    meanGzipBytes: bodies.reduce((sum, body) => sum + body.byteLength, 0) / bodies.length,
  };
}
