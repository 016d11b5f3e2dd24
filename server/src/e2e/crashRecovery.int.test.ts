import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createUploader, maxQueuedChars, maxQueuedEvents } from "../../../client-sdk/src/recorder/batchUploader.js";
import { createEventQueue } from "../../../client-sdk/src/recorder/eventQueue.js";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { seedDemo, type DemoLogin } from "../domain/demo/seedDemo.js";
import { siteScopedKey, visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { decodeChunkEvents } from "../repositories/recordingChunkRepository.js";
import { randomRecorderId, recordedCheckoutEvents } from "../testing/collectClient.js";
import { testReceiptSigningKeyPem } from "../testing/testReceiptKey.js";

/**
 * "A server process killed with SIGKILL during sustained ingest loses no batch it acknowledged,
 * and the recorder's retries fill the gap without duplicates."
 *
 * The server runs as a child process (serverProcess.ts) on a fixed port and its own database.
 * Simulated visitors send batches through the recorder's own uploader and queue
 * (client-sdk/src/recorder): sequence numbers per page view, the same bytes retried with
 * backoff on network errors, 429 and 5xx until acknowledged, never an acknowledged batch again.
 * Only `fetch` is wrapped, to add the Origin header a browser adds and to log every attempt.
 * Mid-stream the server is killed with SIGKILL and started again on the same port and database.
 */

const visitors = 8;
const pageViewsPerVisitor = 2;
/** Each page view records for this long, sending a batch whenever the previous one is acknowledged. */
const pageViewMs = 5_000;
const flushEveryMs = 100;
/** Kill the server this long into the visits (their first page views), once batches are flowing. */
const killAfterMs = 2_500;
const siteOrigin = "https://shop.example";
const sessionSecret = `crash-test-${randomBytes(16).toString("hex")}`;
const serverEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), "serverProcess.ts");

interface Attempt {
  sessionId: string;
  pageId: string;
  seq: number;
  /** Which server process it was sent to: 1 before the kill, 2 after the restart. */
  life: number;
  outcome?: { status: number; body: unknown } | "network-error";
}

const batchKey = (pageId: string, seq: number) => `${pageId}#${seq}`;
const acknowledged = (attempt: Attempt) =>
  typeof attempt.outcome === "object" && (attempt.outcome.status === 204 || (attempt.outcome.status === 200 && (attempt.outcome.body as { duplicate?: boolean } | null)?.duplicate === true));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function databaseUri(serverUri: string, dbName: string): string {
  const url = new URL(serverUri);
  url.pathname = `/${dbName}`;
  return url.toString();
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

describe("crash recovery: SIGKILL during sustained ingest", () => {
  const dbName = `crash_${randomBytes(6).toString("hex")}`;
  let port: number;
  let client: MongoClient;
  let db: Db;
  let demo: DemoLogin;
  let server: ChildProcess | null = null;
  let serverLog = "";
  let life = 0;
  const attempts: Attempt[] = [];
  const realFetch = globalThis.fetch;

  async function startServerProcess(): Promise<void> {
    life++;
    const child = spawn(process.execPath, ["--conditions=@mousetrail/source", "--import", "tsx", serverEntry], {
      env: {
        ...process.env,
        NODE_ENV: "test",
        MONGODB_URI: databaseUri(inject("mongoUri"), dbName),
        PORT: String(port),
        SESSION_SECRET: sessionSecret,
        // Given, so no receipt signing key is written to a data directory.
        RECEIPT_SIGNING_KEY: testReceiptSigningKeyPem,
        MOUSETRAIL_DERIVATION_LEASE_MS: "3000",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server = child;
    child.stderr?.on("data", (chunk: Buffer) => (serverLog += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        serverLog += chunk.toString();
        if (serverLog.includes(`listening http://localhost:${port}`)) resolve();
      });
      child.once("exit", (code, signal) => reject(new Error(`the server process exited (${code ?? signal}) before listening:\n${serverLog}`)));
    });
  }

  async function killServerProcess(): Promise<void> {
    const child = server;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    server = null;
  }

  beforeAll(async () => {
    port = await freePort();
    await startServerProcess();
    client = await new MongoClient(databaseUri(inject("mongoUri"), dbName)).connect();
    db = client.db(dbName);
    const seeded = await seedDemo(db, { allowedOrigins: [siteOrigin], now: new Date() });
    if (!seeded) throw new Error("the demo site was not created in a fresh database");
    demo = seeded;
    // The browser's part of each request: its Origin header. Every attempt is logged.
    globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname !== "/collect") return realFetch(input, init);
      const bytes = Buffer.from(init?.body as Uint8Array);
      const payload = JSON.parse((url.searchParams.get("enc") === "gzip" ? gunzipSync(bytes) : bytes).toString("utf8")) as Attempt;
      const attempt: Attempt = { sessionId: payload.sessionId, pageId: payload.pageId, seq: payload.seq, life };
      attempts.push(attempt);
      const headers = new Headers(init?.headers);
      headers.set("origin", siteOrigin);
      try {
        const response = await realFetch(input, { ...init, headers });
        const text = response.status === 200 ? await response.clone().text() : "";
        attempt.outcome = { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
        return response;
      } catch (error) {
        attempt.outcome = "network-error";
        throw error;
      }
    };
  });

  afterAll(async () => {
    globalThis.fetch = realFetch;
    const child = server;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await db?.dropDatabase();
    await client?.close();
  });

  interface PageViewRun {
    sessionId: string;
    pageId: string;
    /** Batches formed (sequence numbers 0 to formed - 1) and acknowledged, and events reported lost. */
    formed: number;
    stored: number;
    dropped: number;
    stopped: boolean;
  }

  /** One page view as the recorder records it: events queued as they happen, batches sent one at a time. */
  async function recordPageView(sessionId: string, visitorId: string, url: string): Promise<PageViewRun> {
    const run: PageViewRun = { sessionId, pageId: randomRecorderId(), formed: 0, stored: 0, dropped: 0, stopped: false };
    const queue = createEventQueue(maxQueuedEvents, maxQueuedChars);
    let scrollY = 0;
    const uploader = createUploader(
      `http://localhost:${port}/collect`,
      queue,
      (seq, dropped) => {
        run.formed = Math.max(run.formed, seq + 1);
        run.dropped += dropped;
        return {
          v: 1,
          siteKey: demo.siteKey,
          sessionId,
          visitorId,
          pageId: run.pageId,
          seq,
          sentAt: Date.now(),
          consent: "not-required",
          ...(seq === 0 ? { page: { url, startedAt: Date.now(), loadTimeMs: 420 }, technical: { language: "en-GB", timeZone: "Europe/London", screenWidth: 1920, screenHeight: 1080 } } : {}),
          view: { width: 1280, height: 720, scrollX: 0, scrollY, documentHeight: 2880 },
        };
      },
      () => run.stored++,
      () => (run.stopped = true),
    );
    // The page as rrweb first records it: a Meta event and a full snapshot (with what the visitor typed).
    const shift = Date.now() - (recordedCheckoutEvents()[0]?.timestamp ?? 0);
    for (const event of recordedCheckoutEvents()) queue.push(JSON.stringify({ ...event, timestamp: event.timestamp + shift }));
    const started = Date.now();
    let tick = 0;
    while (Date.now() - started < pageViewMs) {
      tick++;
      const timestamp = Date.now();
      queue.push(JSON.stringify({ type: 3, data: { source: 1, positions: [{ x: (tick * 37) % 1280, y: (tick * 23) % 720, id: 70, timeOffset: 0 }] }, timestamp }));
      if (tick % 3 === 0) queue.push(JSON.stringify({ type: 3, data: { source: 2, type: 2, id: 73, x: (tick * 41) % 1280, y: (tick * 17) % 720 }, timestamp }));
      if (tick % 5 === 0) {
        scrollY = Math.min(2160, scrollY + 120);
        queue.push(JSON.stringify({ type: 3, data: { source: 3, id: 1, x: 0, y: scrollY }, timestamp }));
      }
      uploader.flush();
      await new Promise((resolve) => setTimeout(resolve, flushEveryMs));
    }
    // The visitor stays on the page until everything recorded is acknowledged (retries included).
    await waitFor(
      `page ${run.pageId} to be acknowledged`,
      () => {
        uploader.flush();
        return queue.length === 0 && run.stored === run.formed;
      },
      120_000,
      flushEveryMs,
    );
    uploader.dispose();
    return run;
  }

  async function visit(index: number): Promise<PageViewRun[]> {
    const sessionId = randomRecorderId();
    const visitorId = randomRecorderId();
    const runs: PageViewRun[] = [];
    for (let view = 0; view < pageViewsPerVisitor; view++) runs.push(await recordPageView(sessionId, visitorId, `${siteOrigin}/products/${index}/${view}`));
    return runs;
  }

  it("loses no acknowledged batch, stores every batch exactly once, and derives every page view and session once", async () => {
    const driving = Promise.all(Array.from({ length: visitors }, (_, index) => visit(index)));

    const drivingSince = Date.now();
    await waitFor("batches to be acknowledged before the kill", () => Date.now() - drivingSince >= killAfterMs && attempts.filter(acknowledged).length >= visitors, 60_000, 20);
    const acknowledgedBeforeKill = new Set(attempts.filter(acknowledged).map((attempt) => batchKey(attempt.pageId, attempt.seq)));
    const inFlightAtKill = attempts.filter((attempt) => attempt.outcome === undefined).length;
    const killedAt = Date.now();
    await killServerProcess();
    // What the dead process had written (the database finishes the commands it already received).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const storedAtKill = new Set(
      (await analyticsCollections(db).recordingChunks.find({}, { projection: { pageId: 1, seq: 1 } }).toArray()).map((chunk) => batchKey(chunk.pageId, chunk.seq)),
    );
    const pendingAtKill = await analyticsCollections(db).recordingChunks.countDocuments({ "rollup.state": "pending" });
    await startServerProcess();
    const downMs = Date.now() - killedAt;

    const runs = (await driving).flat();
    const keyOf = (rawId: string) => siteScopedKey(visitorKeySecretOf(sessionSecret), demo.siteId, rawId);

    // Every acknowledged batch survived the kill.
    for (const key of acknowledgedBeforeKill) expect(storedAtKill.has(key), `acknowledged batch ${key} was lost`).toBe(true);

    // Every batch of every page view was acknowledged in the end, none given up, none refused.
    for (const run of runs) {
      expect(run).toMatchObject({ stored: run.formed, dropped: 0, stopped: false });
      expect(run.formed).toBeGreaterThan(1);
    }
    // Never sent again once acknowledged.
    const acknowledgedAt = new Map<string, number>();
    attempts.forEach((attempt, index) => {
      const key = batchKey(attempt.pageId, attempt.seq);
      expect(acknowledgedAt.has(key), `batch ${key} was sent again after it was acknowledged`).toBe(false);
      if (acknowledged(attempt)) acknowledgedAt.set(key, index);
    });
    // A replay of what the dead process had stored is answered as a duplicate; anything else is stored now.
    const retried = new Set<string>();
    let duplicates = 0;
    for (const attempt of attempts) {
      const key = batchKey(attempt.pageId, attempt.seq);
      if (attempts.find((first) => batchKey(first.pageId, first.seq) === key) !== attempt) retried.add(key);
      if (typeof attempt.outcome !== "object") continue;
      expect([200, 204, 429, 503], `answer to ${key}`).toContain(attempt.outcome.status);
      if (attempt.outcome.status === 200) {
        expect(attempt.outcome.body).toEqual({ duplicate: true });
        expect(storedAtKill.has(key), `${key} answered as a duplicate, but it had not been stored`).toBe(true);
        duplicates++;
      }
      if (attempt.outcome.status === 204 && attempt.life === 2) expect(storedAtKill.has(key), `${key} stored twice`).toBe(false);
    }
    for (const key of retried) {
      if (!storedAtKill.has(key) || acknowledgedBeforeKill.has(key)) continue;
      const answers = attempts.filter((attempt) => batchKey(attempt.pageId, attempt.seq) === key && acknowledged(attempt));
      expect(answers.map((attempt) => (attempt.outcome as { status: number }).status), `replay of ${key}, stored before the kill`).toEqual([200]);
    }

    // Exactly one chunk per (session, page, seq), and no other chunk.
    const chunks = await analyticsCollections(db).recordingChunks.find({ siteId: demo.siteId }).toArray();
    const expected = runs.flatMap((run) => Array.from({ length: run.formed }, (_, seq) => `${keyOf(run.sessionId)}/${run.pageId}#${seq}`)).sort();
    expect(chunks.map((chunk) => `${chunk.sessionKey}/${chunk.pageId}#${chunk.seq}`).sort()).toEqual(expected);

    // Derivation workers finish what the killed process stored but did not derive (its rounds once their lease runs out).
    await waitFor("the derivation worker to drain", async () => (await analyticsCollections(db).recordingChunks.countDocuments({ "rollup.state": "pending" })) === 0, 120_000, 500);

    const stored = analyticsCollections(db);
    const events = await Promise.all(chunks.map((chunk) => decodeChunkEvents(chunk)));
    const storedEvents = events.reduce((sum, list) => sum + list.length, 0);
    const storedClicks = events.flat().filter((event) => {
      const { type, data } = event as { type: number; data: { source?: number; type?: number } };
      return type === 3 && data.source === 2 && data.type === 2;
    }).length;
    const sum = async (collection: "siteDaily" | "pageDaily" | "heatmapRollups", field: string, filter: Record<string, unknown> = {}) =>
      (await stored[collection].find({ siteId: demo.siteId, ...filter }).toArray()).reduce((total, document) => total + Number((document as Record<string, unknown>)[field] ?? 0), 0);

    expect(await stored.pageViews.countDocuments({ siteId: demo.siteId })).toBe(visitors * pageViewsPerVisitor);
    expect(await stored.sessions.countDocuments({ siteId: demo.siteId })).toBe(visitors);
    expect(await sum("siteDaily", "pageViews")).toBe(visitors * pageViewsPerVisitor);
    expect(await sum("siteDaily", "sessions")).toBe(visitors);
    expect(await sum("siteDaily", "events")).toBe(storedEvents);
    expect(await sum("pageDaily", "pageViews")).toBe(visitors * pageViewsPerVisitor);
    expect(await sum("heatmapRollups", "total", { kind: "click" })).toBe(storedClicks);
    for (const session of await stored.sessions.find({ siteId: demo.siteId }).toArray()) {
      const ofSession = chunks.filter((chunk) => chunk.sessionKey === session.sessionKey);
      expect(session).toMatchObject({ pageCount: pageViewsPerVisitor, eventCount: ofSession.reduce((total, chunk) => total + chunk.eventCount, 0) });
    }

    const figures = {
      visitors,
      pageViews: runs.length,
      batches: expected.length,
      requests: attempts.length,
      acknowledgedBeforeKill: acknowledgedBeforeKill.size,
      inFlightAtKill,
      storedAtKill: storedAtKill.size,
      pendingRollupsAtKill: pendingAtKill,
      retriedBatches: retried.size,
      networkErrors: attempts.filter((attempt) => attempt.outcome === "network-error").length,
      duplicates,
      downMs,
    };
    console.info(`crash recovery figures: ${JSON.stringify(figures)}`);
    expect(figures.retriedBatches).toBeGreaterThan(0);
  }, 300_000);
});
