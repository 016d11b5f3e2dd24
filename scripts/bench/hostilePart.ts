import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import { collectLimits } from "@mousetrail/server/ingest/collectPayload.schema";
import { benchOrigin } from "./benchEnvironment.js";
import type { BenchPart } from "./benchPart.js";
import { figure, formatNumber, renderTable } from "./figures.js";
import { recorderHeaders } from "./recorderBatches.js";

/** Batches sent at once: more than the memory budget lets decompress, fewer than the in-flight limit (64). */
const hostileBatches = 50;
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

/** The server in a process of its own (hostileServer.ts), so the memory measured is the server's alone. */
async function startServerProcess(mongodbUri: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@mousetrail/source", new URL("./hostileServer.ts", import.meta.url).pathname], {
    env: { ...process.env, MONGODB_URI: mongodbUri, BENCH_DB: `bench_hostile_${randomBytes(6).toString("hex")}` },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the hostile part's server exited (${code}) before listening`)));
    createInterface({ input: child.stdout as NonNullable<ChildProcess["stdout"]> }).once("line", (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return {
    url,
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
 * 50 gzip bombs at once against the bench server: each a few kB on the wire and 8 MiB of
 * (mostly valid) JSON inflated. Every one must be refused (413/400, or 429 past the batches
 * allowed to wait for the memory budget), the process's memory must stay under 300 MB, and
 * /healthz must answer within 1 s throughout. The bench's own server runs in the bench process
 * (benchEnvironment.ts), so this part starts the server in a process of its own, on the same
 * database, and measures that process's memory: its peak RSS as the kernel counts it (VmHWM).
 */
export const hostilePart: BenchPart = {
  name: "hostile",
  title: "Hostile input: 50 gzip bombs at once against POST /collect",
  async run(context) {
    const { databaseServer, benchSite } = await context.environment();
    const server = await startServerProcess(databaseServer.uri);
    try {
      return await flood(server.url, server.child.pid as number, benchSite.siteKey);
    } finally {
      await server.stop();
    }
  },
};

async function flood(base: string, pid: number, siteKey: string) {
  const kinds = bombs(siteKey);
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
    Array.from({ length: hostileBatches }, async (_, index) => {
      const bomb = kinds[index % kinds.length] as Bomb;
      const response = await fetch(`${base}/collect?enc=gzip`, { method: "POST", headers, body: bomb.body });
      const text = await response.text();
      return { bomb, status: response.status, text };
    }),
  );
  const elapsedMs = performance.now() - started;
  flooding = false;
  await probe;
  clearInterval(rssTimer);
  const after = memoryOf(pid);
  // The kernel's peak catches what sampling every few ms missed.
  rssPeak = Math.max(rssPeak, after.peak);

  const wrong = answers.filter(({ bomb, status }) => status !== bomb.expect && status !== 429);
  const rows = kinds.map((bomb) => {
    const mine = answers.filter((answer) => answer.bomb === bomb);
    const statuses = new Map<number, number>();
    for (const { status } of mine) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const example = mine.find((answer) => answer.status === bomb.expect)?.text ?? "";
    return [bomb.name, `${formatNumber(bomb.body.length / 1024)} kB`, [...statuses].map(([status, count]) => `${count} x ${status}`).join(", "), example.slice(0, 90)];
  });
  const healthzMax = Math.max(0, ...healthz);
  const figures = [
    figure("hostile: batches not refused as expected (413/400/429)", wrong.length, "batches", { target: { op: "<=", limit: 0, text: "= 0" } }),
    figure("hostile: server's peak RSS during the flood", rssPeak / MiB, "MB", {
      target: { op: "<=", limit: rssLimitMb, text: `<= ${rssLimitMb} MB` },
    }),
    figure("hostile: slowest /healthz during the flood", healthzMax, "ms", { target: { op: "<=", limit: healthzLimitMs, text: `<= ${healthzLimitMs} ms` } }),
  ];
  const report = [
    `${hostileBatches} batches at once, ${formatNumber(answers.reduce((sum, { bomb }) => sum + bomb.body.length, 0) / 1024)} kB on the wire in all, each 8 MiB inflated;`,
    `answered in ${formatNumber(elapsedMs)} ms. The server (its own process): RSS ${formatNumber(before.rss / MiB)} MB before, peak`,
    `${formatNumber(rssPeak / MiB)} MB (VmHWM), ${formatNumber(after.rss / MiB)} MB after; /healthz probed ${healthz.length} times, slowest ${formatNumber(healthzMax)} ms.`,
    "",
    renderTable(["bomb", "gzip", "answers", "example answer"], rows),
    ...(wrong.length ? ["", `Unexpected: ${wrong.slice(0, 5).map(({ bomb, status, text }) => `${bomb.name}: ${status} ${text.slice(0, 120)}`).join("; ")}`] : []),
  ].join("\n");
  return {
    figures,
    report,
    details: {
      batches: hostileBatches,
      elapsedMs,
      rssBeforeBytes: before.rss,
      rssAfterBytes: after.rss,
      rssPeakBytes: rssPeak,
      healthzMs: healthz,
      answers: answers.map(({ bomb, status }) => ({ bomb: bomb.name, status })),
    },
  };
}
