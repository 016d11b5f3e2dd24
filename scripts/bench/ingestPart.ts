import { benchOrigin, type BenchEnvironment } from "./benchEnvironment.js";
import type { BenchPart, PartContext } from "./benchPart.js";
import { startBareEchoServer } from "./bareEchoServer.js";
import { figure, formatNumber, median, percentile } from "./figures.js";
import { prepareInsertManyBaseline, type InsertManyBaseline } from "./insertManyBaseline.js";
import { startLoadClient, type LoadClient, type LoadRunResult } from "./loadClient.js";
import { buildVisits, recordedVisits, recorderHeaders, type Visit } from "./recorderBatches.js";
import { addMetricsDelta, renderStepTimings, snapshotMetrics, stepTimings, type MetricsSnapshot } from "./stepTimings.js";

/** Batches of the warm-up, which also measures the rates the rounds are sized from. */
const warmupBatches = 500;
/** Distinct batches the echo baseline cycles through (it stores nothing, so repeats are harmless). */
const echoBatches = 1_000;

interface RoundFigures {
  ingestRequestsPerSecond: number;
  ingestEventsPerSecond: number;
  ingestP50Ms: number;
  ingestP99Ms: number;
  ingestRequests: number;
  ingestSeconds: number;
  echoRequestsPerSecond: number;
  echoP50Ms: number;
  echoP99Ms: number;
  echoRequests: number;
  echoSeconds: number;
  insertManyEventsPerSecond: number;
  insertManyDocuments: number;
  insertManyPasses: number;
}

/**
 * Throughput and latency of POST /collect against B1 (a bare Koa echo of the same bodies) and
 * B2 (insertMany of the same stored chunks), interleaved round by round so that the machine's
 * noise falls on all three alike.
 */
export const ingestPart: BenchPart = {
  name: "ingest",
  title: "Ingestion: POST /collect against a bare Koa echo (B1) and raw insertMany (B2)",
  async run(context) {
    const environment = await context.environment();
    const echo = await startBareEchoServer();
    const load = startLoadClient();
    try {
      return await measureIngest(context, environment, echo.url, load);
    } finally {
      await load.close();
      await echo.close();
    }
  },
};

async function measureIngest(context: PartContext, environment: BenchEnvironment, echoUrl: string, load: LoadClient) {
  const { settings } = context;
  const { server, benchSite } = environment;
  const headers = recorderHeaders(benchOrigin);
  const ingestUrl = `${server.url.replace("localhost", "127.0.0.1")}/collect?enc=gzip`;
  const insertMany = prepareInsertManyBaseline(server.database.db);
  const recorded = await recordedVisits();
  const sample = describeBodies(buildVisits(recorded.visits, { siteKey: benchSite.siteKey, origin: benchOrigin, count: recorded.visits.length }));
  // Whole cycles through the recorded visits, so every round has the same mix of them.
  const visitsFor = (batches: number) => recorded.visits.length * Math.max(1, Math.ceil(batches / sample.batches));
  const visitsOf = (count: number) => buildVisits(recorded.visits, { siteKey: benchSite.siteKey, origin: benchOrigin, count });

  let poolNumber = 0;
  const ingestRound = async (visits: Visit[]) => {
    const pool = `ingest-${poolNumber++}`;
    const requests = visits.reduce((sum, visit) => sum + visit.bodies.length, 0);
    await load.pool(pool, visits);
    const since = new Date();
    const before = snapshotMetrics(server.collectPipeline.metrics);
    const result = expectAll(await load.run({ pool, url: ingestUrl, headers, concurrency: settings.concurrency, requests, repeat: false, expectStatus: 204 }), "POST /collect");
    const after = snapshotMetrics(server.collectPipeline.metrics);
    load.drop(pool);
    const chunks = await insertMany.storedChunks(benchSite._id, since);
    if (chunks.length !== result.requests) throw new Error(`POST /collect acknowledged ${result.requests} batches but stored ${chunks.length} chunks`);
    return { result, before, after, chunks };
  };
  const echoRound = async (requests: number) =>
    expectAll(await load.run({ pool: "echo", url: `${echoUrl}/collect?enc=gzip`, headers, concurrency: settings.concurrency, requests, repeat: true, expectStatus: 200 }), "B1 echo");
  const insertManyRound = async (chunks: Parameters<InsertManyBaseline["run"]>[0], minMs = settings.seconds * 1000) => {
    const result = await insertMany.run(chunks, { concurrency: settings.concurrency, minMs });
    await insertMany.clear();
    return result;
  };

  // Two warm-up passes (the first also warms the database's JIT); each measurement is then sized
  // from the rate of the one before it, so that it lasts about `seconds`.
  const perSecond = (run: { requests: number; elapsedMs: number }) => run.requests / (run.elapsedMs / 1000);
  await load.pool("echo", visitsOf(visitsFor(echoBatches)));
  let ingestRate = 0;
  let echoRate = 0;
  let warmupRequests = 0;
  for (let pass = 1; pass <= 2; pass++) {
    context.log(`warm-up ${pass}/2: about ${warmupBatches} batches to /collect, then B1 and B2`);
    const warmIngest = await ingestRound(visitsOf(visitsFor(warmupBatches)));
    const warmEcho = await echoRound(Math.max(2_000, Math.ceil(echoRate * 2)));
    await insertManyRound(warmIngest.chunks, 2_000);
    ingestRate = perSecond(warmIngest.result);
    echoRate = perSecond(warmEcho);
    warmupRequests += warmIngest.result.requests;
  }

  const rounds: RoundFigures[] = [];
  const measuredSteps: MetricsSnapshot = new Map();
  for (let round = 1; round <= settings.rounds; round++) {
    const visitsPerRound = visitsFor(ingestRate * settings.seconds);
    const echoRequests = Math.max(2_000, Math.ceil(echoRate * settings.seconds));
    context.log(`round ${round}/${settings.rounds}: B1 ${echoRequests} requests, /collect ${(visitsPerRound / recorded.visits.length) * sample.batches} batches, B2 the chunks they stored`);
    const echoResult = await echoRound(echoRequests);
    const ingest = await ingestRound(visitsOf(visitsPerRound));
    addMetricsDelta(measuredSteps, ingest.before, ingest.after);
    ingestRate = perSecond(ingest.result);
    echoRate = perSecond(echoResult);
    const inserted = await insertManyRound(ingest.chunks);
    const seconds = ingest.result.elapsedMs / 1000;
    rounds.push({
      ingestRequestsPerSecond: ingest.result.requests / seconds,
      ingestEventsPerSecond: ingest.result.events / seconds,
      ingestP50Ms: percentile(ingest.result.latencies, 50),
      ingestP99Ms: percentile(ingest.result.latencies, 99),
      ingestRequests: ingest.result.requests,
      ingestSeconds: seconds,
      echoRequestsPerSecond: echoResult.requests / (echoResult.elapsedMs / 1000),
      echoP50Ms: percentile(echoResult.latencies, 50),
      echoP99Ms: percentile(echoResult.latencies, 99),
      echoRequests: echoResult.requests,
      echoSeconds: echoResult.elapsedMs / 1000,
      insertManyEventsPerSecond: inserted.events / (inserted.elapsedMs / 1000),
      insertManyDocuments: inserted.documents,
      insertManyPasses: inserted.passes,
    });
  }

  const mid = (key: keyof RoundFigures) => median(rounds.map((round) => round[key]));
  const at = `at ${settings.concurrency} in flight`;
  const b1 = (value: number, unit: string) => ({ name: "B1 bare Koa echo", value, unit });
  const figures = [
    figure("ingest requests/s", mid("ingestRequestsPerSecond"), "requests/s", {
      baseline: b1(mid("echoRequestsPerSecond"), "requests/s"),
      target: { op: ">=", limit: 0.7, text: ">= 0.7 x B1" },
    }),
    figure("ingest events/s", mid("ingestEventsPerSecond"), "events/s", {
      baseline: { name: "B2 insertMany", value: mid("insertManyEventsPerSecond"), unit: "events/s" },
      target: { op: ">=", limit: 0.5, text: ">= 0.5 x B2" },
    }),
    figure(`ingest p50 acknowledgement ${at}`, mid("ingestP50Ms"), "ms", { baseline: b1(mid("echoP50Ms"), "ms") }),
    figure(`ingest p99 acknowledgement ${at}`, mid("ingestP99Ms"), "ms", { baseline: b1(mid("echoP99Ms"), "ms") }),
  ];
  const timings = stepTimings(measuredSteps);
  const report = [
    `Load: ${settings.concurrency} requests in flight from a worker thread of this process (node:http, keep-alive), ` +
      `recorder headers (text/plain, ?enc=gzip, Origin, browser User-Agent); every batch a new (session, page, seq).`,
    `Batches: ${recorded.source}, replayed in turn, each visit in its own tab with its recorded User-Agent; ` +
      `${formatNumber(sample.meanEvents)} events and ${formatNumber(sample.meanGzipBytes)} gzip bytes per batch on average.`,
    `Warm-up: ${warmupRequests} batches in two passes; then ${settings.rounds} rounds of B1, /collect and B2, each sized to last about ${settings.seconds} s ` +
      `(see below); figures are medians of the rounds.`,
    `B2: the round's stored chunks inserted again with insertMany({ ordered: false }), one chunk per call, ${settings.concurrency} calls in flight, ` +
      `into a collection with recordingChunks' indexes; repeated (each pass into a fresh collection) for about ${settings.seconds} s.`,
    "",
    "Rounds:",
    ...rounds.map(
      (round, index) =>
        `  ${index + 1}: /collect ${formatNumber(round.ingestRequestsPerSecond)} req/s, ${formatNumber(round.ingestEventsPerSecond)} events/s, ` +
        `p50 ${formatNumber(round.ingestP50Ms)} ms, p99 ${formatNumber(round.ingestP99Ms)} ms (${round.ingestRequests} batches in ${formatNumber(round.ingestSeconds)} s) | ` +
        `B1 ${formatNumber(round.echoRequestsPerSecond)} req/s (${round.echoRequests} in ${formatNumber(round.echoSeconds)} s) | ` +
        `B2 ${formatNumber(round.insertManyEventsPerSecond)} events/s (${round.insertManyPasses} passes of ${round.insertManyDocuments / round.insertManyPasses} chunks)`,
    ),
    "",
    "Pipeline steps over the measured rounds (Pipeline.metrics; wall time per call, awaits included):",
    renderStepTimings(timings),
  ].join("\n");
  return { figures, report, details: { settings, load: { source: recorded.source, ...sample }, rounds, steps: timings } };
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
