import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import type { Db } from "mongodb";
import { collectLimits } from "@mousetrail/server/ingest/collectPayload.schema";
import { atLimitBatch } from "./atLimitBatch.js";
import { benchOrigin } from "./benchEnvironment.js";
import type { BenchPart } from "./benchPart.js";
import { waitForDerivation } from "./derivation.js";
import { figure, formatNumber, renderTable, type Figure } from "./figures.js";
import { recorderHeaders } from "./recorderBatches.js";

/** Batches sent at once: more than the memory budget lets decompress, fewer than the in-flight limit (64). */
const hostileBatches = 50;
/** Valid batches at the size limits sent at once: each is stored and derived. */
const atLimitBatches = 20;
const rssLimitMb = 300;
const healthzLimitMs = 1_000;
const healthzEveryMs = 100;
const rssEveryMs = 10;
const MiB = 1024 * 1024;

interface Bomb {
  name: string;
  /** The gzip body: a few kB on the wire, 8 MiB once inflated. */
  body: Buffer;
  /** What /collect must answer (429 is allowed too, past the limit of batches waiting). */
  expect: number;
}

interface HostileServer {
  url: string;
  siteKey: string;
  siteId: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Valid JSON (where the attack is JSON) of exactly 8 MiB once inflated: the decompressed limit. */
function bombs(siteKey: string): Bomb[] {
  const size = collectLimits.maxDecompressedBytes;
  const head = `{"v":1,"siteKey":"${siteKey}","events":[{"type":5,"timestamp":${Date.now()},"data":`;
  const tail = "}]}";
  const room = size - head.length - tail.length;
  const objects = `[${"{},".repeat(Math.floor((room - 4) / 3))}{}]`;
  const deep = Math.floor(room / 2);
  const string = `"${"a".repeat(room - 2)}"`;
  const padTo = (json: string) => json + " ".repeat(size - json.length);
  const gzip = (text: string | Buffer) => gzipSync(text, { level: 9 });
  return [
    { name: "{} repeated (2.8 million values)", body: gzip(padTo(head + objects + tail)), expect: 413 },
    { name: "nesting 4 million deep", body: gzip(padTo(head + "[".repeat(deep) + "]".repeat(deep) + tail)), expect: 400 },
    { name: "one 8 MB string", body: gzip(padTo(head + string + tail)), expect: 413 },
    { name: "zero-filled", body: gzip(Buffer.alloc(size)), expect: 400 },
    { name: "8 MiB + 1 of whitespace-padded JSON", body: gzip(`${" ".repeat(size - 1)}{}`), expect: 413 },
  ];
}

/**
 * The server in a process of its own (hostileServer.ts), with its background work, on a database
 * of its own with one site, so the memory measured is the server's alone. A fresh one per flood:
 * the kernel's peak (VmHWM) is the process's since it started.
 */
async function startServerProcess(mongodbUri: string, dbName: string): Promise<HostileServer> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@mousetrail/source", new URL("./hostileServer.ts", import.meta.url).pathname], {
    env: { ...process.env, MONGODB_URI: mongodbUri, BENCH_DB: dbName, BENCH_ORIGIN: benchOrigin },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<{ url: string; siteKey: string; siteId: string }>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the hostile part's server exited (${code}) before listening`)));
    createInterface({ input: child.stdout as NonNullable<ChildProcess["stdout"]> }).once("line", (line) => resolve(JSON.parse(line) as { url: string; siteKey: string; siteId: string }));
  });
  return {
    ...ready,
    child,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A process's resident memory now and at its peak (VmHWM), from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN) * 1024;
  return { rss: kib("VmRSS"), peak: kib("VmHWM") };
}

/**
 * Two floods, each against a fresh server process: 50 gzip bombs at once (each a few kB on the
 * wire and 8 MiB of (mostly valid) JSON inflated), every one to be refused (413/400, or 429 past
 * the batches allowed to wait for the memory budget); then 20 valid batches at the size limits at
 * once (atLimitBatch.ts: 8 MiB and 250,000 values each), every one to be stored (204, or 429) and
 * derived. Throughout each, until the last batch is answered (and, for the valid ones, derived),
 * the process's memory must stay under 300 MB and /healthz must answer within 1 s. Memory is the
 * process's peak RSS as the kernel counts it (VmHWM) and sampled every 10 ms.
 */
export const hostilePart: BenchPart = {
  name: "hostile",
  title: "Hostile input: 50 gzip bombs, then 20 valid batches at the size limits, at once against POST /collect",
  async run(context) {
    const { databaseServer, database } = await context.environment();
    const dbName = (kind: string) => `bench_${kind}_${randomBytes(6).toString("hex")}`;
    const bombsServer = await startServerProcess(databaseServer.uri, dbName("hostile"));
    let bombed: Awaited<ReturnType<typeof flood>>;
    try {
      context.log(`${hostileBatches} gzip bombs at once`);
      const kinds = bombs(bombsServer.siteKey);
      bombed = await flood(bombsServer, Array.from({ length: hostileBatches }, (_, index) => kinds[index % kinds.length] as Bomb), async () => {});
    } finally {
      await bombsServer.stop();
    }
    const validName = dbName("atlimit");
    const validServer = await startServerProcess(databaseServer.uri, validName);
    let valid: Awaited<ReturnType<typeof flood>>;
    const now = Date.now();
    const batches = Array.from({ length: atLimitBatches }, (): Bomb => {
      const batch = atLimitBatch(validServer.siteKey, now);
      return { name: `valid, ${formatNumber(batch.inflatedBytes / MiB)} MiB and ${formatNumber(batch.values)} values inflated`, body: batch.body, expect: 204 };
    });
    try {
      context.log(`${atLimitBatches} valid batches at the size limits at once, then their derivation`);
      const db: Db = database.client.db(validName);
      valid = await flood(validServer, batches, () => waitForDerivation(db, validServer.siteId, { timeoutMs: 300_000, pollMs: 500 }));
    } finally {
      await validServer.stop();
    }
    const figures: Figure[] = [
      figure("hostile: batches not refused as expected (413/400/429)", bombed.wrong, "batches", { target: { op: "<=", limit: 0, text: "= 0" } }),
      figure("hostile: server's peak RSS during the flood", bombed.rssPeakMb, "MB", { target: { op: "<=", limit: rssLimitMb, text: `<= ${rssLimitMb} MB` } }),
      figure("hostile: slowest /healthz during the flood", bombed.healthzMaxMs, "ms", { target: { op: "<=", limit: healthzLimitMs, text: `<= ${healthzLimitMs} ms` } }),
      figure("at-limit: valid batches not stored (204/429)", valid.wrong, "batches", { target: { op: "<=", limit: 0, text: "= 0" } }),
      figure("at-limit: server's peak RSS until derived", valid.rssPeakMb, "MB", { target: { op: "<=", limit: rssLimitMb, text: `<= ${rssLimitMb} MB` } }),
      figure("at-limit: slowest /healthz until derived", valid.healthzMaxMs, "ms", { target: { op: "<=", limit: healthzLimitMs, text: `<= ${healthzLimitMs} ms` } }),
    ];
    const report = [`Gzip bombs: ${bombed.report}`, "", `Valid batches at the limits (answered, then derived): ${valid.report}`].join("\n");
    return { figures, report, details: { bombs: bombed.details, atLimit: valid.details } };
  },
};

async function flood(server: HostileServer, batches: readonly Bomb[], afterwards: () => Promise<void>) {
  const base = server.url;
  const pid = server.child.pid as number;
  const headers = recorderHeaders(benchOrigin);
  // Warm the server's paths first, so its baseline includes what any first request loads.
  await (await fetch(`${base}/healthz`)).arrayBuffer();
  await (await fetch(`${base}/collect?enc=gzip`, { method: "POST", headers, body: gzipSync("{}") })).arrayBuffer();
  const before = memoryOf(pid);
  let rssPeak = before.rss;
  const rssTimer = setInterval(() => {
    rssPeak = Math.max(rssPeak, memoryOf(pid).rss);
  }, rssEveryMs);

  const healthz: number[] = [];
  let flooding = true;
  const probe = (async () => {
    while (flooding) {
      const started = performance.now();
      const response = await fetch(`${base}/healthz`);
      await response.arrayBuffer();
      healthz.push(response.ok ? performance.now() - started : Number.POSITIVE_INFINITY);
      await new Promise((resolve) => setTimeout(resolve, healthzEveryMs));
    }
  })();

  const started = performance.now();
  const answers = await Promise.all(
    batches.map(async (bomb) => {
      const response = await fetch(`${base}/collect?enc=gzip`, { method: "POST", headers, body: bomb.body });
      const text = await response.text();
      return { bomb, status: response.status, text };
    }),
  );
  const answeredMs = performance.now() - started;
  await afterwards();
  const elapsedMs = performance.now() - started;
  flooding = false;
  await probe;
  clearInterval(rssTimer);
  const after = memoryOf(pid);
  // The kernel's peak catches what sampling every few ms missed.
  rssPeak = Math.max(rssPeak, after.peak);

  const wrong = answers.filter(({ bomb, status }) => status !== bomb.expect && status !== 429);
  const kinds = [...new Set(batches.map((bomb) => bomb.name))];
  const rows = kinds.map((name) => {
    const mine = answers.filter((answer) => answer.bomb.name === name);
    const statuses = new Map<number, number>();
    for (const { status } of mine) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const example = mine.find((answer) => answer.status === answer.bomb.expect)?.text ?? "";
    const wire = (mine[0]?.bomb.body.length ?? 0) / 1024;
    return [name, `${formatNumber(wire)} kB`, [...statuses].map(([status, count]) => `${count} x ${status}`).join(", "), example.slice(0, 90)];
  });
  const healthzMax = Math.max(0, ...healthz);
  const report = [
    `${batches.length} batches at once, ${formatNumber(answers.reduce((sum, { bomb }) => sum + bomb.body.length, 0) / 1024)} kB on the wire in all;`,
    `answered in ${formatNumber(answeredMs)} ms, done in ${formatNumber(elapsedMs)} ms. The server (its own process): RSS ${formatNumber(before.rss / MiB)} MB before, peak`,
    `${formatNumber(rssPeak / MiB)} MB (VmHWM), ${formatNumber(after.rss / MiB)} MB after; /healthz probed ${healthz.length} times, slowest ${formatNumber(healthzMax)} ms.`,
    "",
    renderTable(["batch", "gzip", "answers", "example answer"], rows),
    ...(wrong.length ? ["", `Unexpected: ${wrong.slice(0, 5).map(({ bomb, status, text }) => `${bomb.name}: ${status} ${text.slice(0, 120)}`).join("; ")}`] : []),
  ].join("\n");
  return {
    wrong: wrong.length,
    rssPeakMb: rssPeak / MiB,
    healthzMaxMs: healthzMax,
    report,
    details: {
      batches: batches.length,
      answeredMs,
      elapsedMs,
      rssBeforeBytes: before.rss,
      rssAfterBytes: after.rss,
      rssPeakBytes: rssPeak,
      healthzMs: healthz,
      answers: answers.map(({ bomb, status }) => ({ batch: bomb.name, status })),
    },
  };
}
