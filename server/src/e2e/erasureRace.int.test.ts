import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Binary, MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { complianceCollections, type ErasureDoc } from "../db/complianceCollections.js";
import { ensureIndexes } from "../db/ensureIndexes.js";
import { publishBuiltInPolicies } from "../domain/privacy/policyLibrary.js";
import { requestAnalyticsPurge } from "../domain/compliance/requestAnalyticsPurge.js";
import { requestVisitorErasure } from "../domain/compliance/requestVisitorErasure.js";
import { siteScopedKey, visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../testing/collectClient.js";
import { callOverHttp } from "../testing/httpClient.js";
import { testReceiptSigningKeyPem } from "../testing/testReceiptKey.js";

/**
 * Visitor erasure and purges against real server processes (serverProcess.ts) over real HTTP:
 * an erasure racing 50 concurrent senders of the same visitor, repeated; an erasure and a purge
 * each killed with SIGKILL mid-way and finished by a second process.
 *
 * The processes run with short bounds (a batch may be in flight 1.5 s, the background runner
 * ticks every 300 ms, leases last 2 s), so a final pass is due 3.5 s after the fence.
 */

const batchInFlightMs = 1_500;
const complianceLeaseMs = 2_000;
const sessionSecret = `erasure-race-${randomBytes(16).toString("hex")}`;
const serverEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), "serverProcess.ts");
const senders = 50;
const runs = 5;

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

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

describe("erasure and purge against real server processes", () => {
  const dbName = `erasure_${randomBytes(6).toString("hex")}`;
  let client: MongoClient;
  let db: Db;
  let tenant: TenantFixture;
  let origin: string;
  const running = new Set<ChildProcess>();

  async function startServerProcess(): Promise<{ url: string; process: ChildProcess }> {
    const port = await freePort();
    const child = spawn(process.execPath, ["--conditions=@mousetrail/source", "--import", "tsx", serverEntry], {
      env: {
        ...process.env,
        NODE_ENV: "test",
        MONGODB_URI: databaseUri(inject("mongoUri"), dbName),
        PORT: String(port),
        SESSION_SECRET: sessionSecret,
        RECEIPT_SIGNING_KEY: testReceiptSigningKeyPem,
        MOUSETRAIL_DERIVATION_LEASE_MS: "2000",
        MOUSETRAIL_BATCH_IN_FLIGHT_MS: String(batchInFlightMs),
        MOUSETRAIL_PURGES_INTERVAL_MS: "300",
        MOUSETRAIL_COMPLIANCE_LEASE_MS: String(complianceLeaseMs),
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    child.once("exit", () => running.delete(child));
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes(`listening http://localhost:${port}`)) resolve();
      });
      child.once("exit", (code, signal) => reject(new Error(`the server process exited (${code ?? signal}) before listening:\n${log}`)));
    });
    return { url: `http://localhost:${port}`, process: child };
  }

  async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }

  beforeAll(async () => {
    client = await new MongoClient(databaseUri(inject("mongoUri"), dbName)).connect();
    db = client.db(dbName);
    // What a server's start does, before the fixture needs it.
    await ensureIndexes(db);
    await publishBuiltInPolicies(db, new Date());
    tenant = await createTenantFixture(db, "Erasure race");
    origin = tenant.site.allowedOrigins[0] as string;
  });

  afterAll(async () => {
    for (const child of [...running]) await kill(child, "SIGTERM");
    await db?.dropDatabase();
    await client?.close();
  });

  const keyOf = (visitorId: string) => siteScopedKey(visitorKeySecretOf(sessionSecret), tenant.site._id, visitorId);

  /** Every record of the visitor, in every per-visitor collection, by the key each carries. */
  async function recordsOf(visitorKey: string): Promise<Record<string, number>> {
    const data = analyticsCollections(db);
    const bySite = { tenantId: tenant.tenantId, siteId: tenant.site._id };
    return {
      recordingChunks: await data.recordingChunks.countDocuments({ ...bySite, "context.visitorKey": visitorKey }),
      sessions: await data.sessions.countDocuments({ ...bySite, visitorKey }),
      pageViews: await data.pageViews.countDocuments({ ...bySite, visitorKey }),
      violations: await data.piiViolations.countDocuments({ ...bySite, visitorKey }),
      surveyResponses: await data.surveyResponses.countDocuments({ ...bySite, visitorKey }),
    };
  }
  const nothing = { recordingChunks: 0, sessions: 0, pageViews: 0, violations: 0, surveyResponses: 0 };

  /**
   * One tab of the visitor: its own session and page view, sending batch after batch (a 503 is
   * retried with the same seq, as the recorder does) until a batch is refused as opted out.
   * Counts the batches acknowledged as stored.
   */
  async function sendUntilOptedOut(url: string, visitorId: string, stored: { count: number }, stop: { now: boolean }): Promise<void> {
    const sessionId = randomRecorderId();
    const pageId = randomRecorderId();
    for (let seq = 0; !stop.now; ) {
      // Every other batch carries an email in its page address: a violation record of the visitor too.
      const page = seq === 0 ? { url: `${origin}/account/jane.doe@example.com`, startedAt: Date.now() } : undefined;
      const response = await postBatch(url, batchPayload(tenant.site.siteKey, { visitorId, sessionId, pageId, seq, page }), { origin });
      if (response.status === 204) {
        stored.count++;
        seq++;
      } else if (response.status === 200 && (response.body as { reason?: string }).reason === "opted-out") {
        return;
      } else if (response.status !== 503 && response.status !== 429) {
        throw new Error(`unexpected answer ${response.status}: ${JSON.stringify(response.body)}`);
      }
    }
  }

  it("MS-4.1 an erasure racing 50 concurrent senders of the same visitor leaves zero records of that visitor, run after run, and its receipt counts what it deleted", async () => {
    const server = await startServerProcess();
    try {
      for (let run = 1; run <= runs; run++) {
        const visitorId = randomRecorderId();
        const stored = { count: 0 };
        const stop = { now: false };
        const startedAt = Date.now();
        const sending = Promise.all(Array.from({ length: senders }, () => sendUntilOptedOut(server.url, visitorId, stored, stop)));
        await waitFor("the senders' first batches", async () => stored.count >= senders, 20_000, 20);

        const requested = await callOverHttp(server.url, "compliance.eraseVisitor", { tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId }, { type: "mutation", apiKey: tenant.apiKeySecret });
        expect(requested.status, JSON.stringify(requested.body)).toBe(200);
        const { erasureId } = requested.body.result?.data as { erasureId: string };
        // Every sender stops by itself: its next batch is refused as opted out.
        const timeout = setTimeout(() => (stop.now = true), 30_000);
        await sending;
        clearTimeout(timeout);
        expect(stop.now, "a sender was never refused as opted out").toBe(false);

        const done = await waitFor(
          `erasure ${erasureId} of run ${run}`,
          async () => {
            const answer = await callOverHttp(server.url, "compliance.erasure", { tenantId: tenant.tenantId, erasureId }, { type: "query", apiKey: tenant.apiKeySecret });
            const status = answer.body.result?.data as { progress: string; receipt: { counts: Record<string, number>; remainingAtFinalPass: Record<string, number> } | null };
            return status.progress === "done" ? status : null;
          },
          30_000,
          200,
        );
        // Let a derivation round that might still hold the visitor's chunks finish: it must recreate nothing.
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await recordsOf(keyOf(visitorId)), `run ${run}`).toEqual(nothing);
        // Every batch acknowledged as stored was a chunk, and the receipt counted each one deleted.
        expect(done.receipt?.counts.recordingChunks, `run ${run}`).toBe(stored.count);
        expect(done.receipt?.counts.sessions, `run ${run}`).toBeLessThanOrEqual(senders);
        expect(done.receipt?.counts.violations, `run ${run}`).toBeGreaterThan(0);
        expect(done.receipt?.remainingAtFinalPass, `run ${run}`).toEqual(nothing);
        console.info(`erasure race run ${run}: ${stored.count} batches acknowledged as stored, all erased and counted; ${Date.now() - startedAt} ms`);
      }
    } finally {
      await kill(server.process, "SIGTERM");
    }
  }, 120_000);

  /** Stored records of one visitor, written straight to the database: sessions, page views and chunks. */
  async function storeVisitorRecords(owner: TenantFixture, visitorKey: string, sessions: number, chunksPerSession: number): Promise<typeof nothing> {
    const data = analyticsCollections(db);
    const now = new Date();
    const bySite = { tenantId: owner.tenantId, siteId: owner.site._id };
    const sessionKeys = Array.from({ length: sessions }, () => randomBytes(20).toString("base64url"));
    await data.sessions.insertMany(
      sessionKeys.map((sessionKey) => ({
        ...bySite,
        sessionKey,
        visitorKey,
        firstSeenAt: now,
        lastSeenAt: now,
        pageCount: 1,
        eventCount: chunksPerSession,
        entryUrl: `${owner.site.allowedOrigins[0]}/`,
        referrer: null,
        technical: {},
        ipTruncated: null,
        policy: { id: "mousestats", version: 1 },
        violationCount: 0,
        rageClicks: 0,
        deadClicks: 0,
      })),
    );
    await data.pageViews.insertMany(
      sessionKeys.map((sessionKey) => ({ ...bySite, sessionKey, pageId: "p", visitorKey, url: `${owner.site.allowedOrigins[0]}/`, urlKey: "k", referrer: null, startedAt: now, lastEventAt: now, loadTimeMs: null, breakpoint: "desktop" as const, maxScrollDepth: 0 })),
    );
    const events = new Binary(Buffer.from("[]"));
    await data.recordingChunks.insertMany(
      sessionKeys.flatMap((sessionKey) =>
        Array.from({ length: chunksPerSession }, (_, seq) => ({
          ...bySite,
          sessionKey,
          pageId: "p",
          seq,
          receivedAt: now,
          firstEventAt: null,
          lastEventAt: null,
          eventCount: 0,
          events,
          rawBytes: 2,
          storedBytes: 2,
          policy: { id: "mousestats", version: 1 },
          context: { visitorKey, technical: {}, ipTruncated: null, breakpoint: "desktop" as const, urlKey: "k", day: now.toISOString().slice(0, 10), page: null, view: null, violationCount: 0 },
          rollup: { state: "applied" as const, claimedUntil: new Date(0), appliedAt: now },
        })),
      ),
    );
    return { ...nothing, sessions, pageViews: sessions, recordingChunks: sessions * chunksPerSession };
  }

  it("MS-4.1 an erasure killed with SIGKILL mid-way is resumed by a second server process: zero records remain, the receipt counts everything once and records the interruption", async () => {
    const visitorId = randomRecorderId();
    const stored = await storeVisitorRecords(tenant, keyOf(visitorId), 500, 10);
    const first = await startServerProcess();
    const call = { scope: tenantScope(db, tenant.tenantId), actor: { type: "system" as const, id: "erasure-test" }, now: new Date() };
    const { erasure } = await requestVisitorErasure(call, { siteId: tenant.site._id, visitorId, visitorKeySecret: visitorKeySecretOf(sessionSecret), batchInFlightMs });
    const erasures = complianceCollections(db).erasures;
    // The first process's background runner takes the job; it dies while deleting.
    const midway = await waitFor("the first process deleting", async () => {
      const job = await erasures.findOne({ _id: erasure._id });
      return job?.state === "erasing" && (job.counts.pageViews ?? 0) > 0 ? job : null;
    }, 20_000, 5);
    await kill(first.process, "SIGKILL");
    const left = await erasures.findOne({ _id: erasure._id });
    expect(left?.state, "the kill came too late to interrupt the first pass").toBe("erasing");
    expect(left?.lease).not.toBeNull();
    expect(midway.counts.pageViews).toBeGreaterThan(0);

    const second = await startServerProcess();
    try {
      const done = await waitFor("the second process finishing the erasure", async () => {
        const job = await erasures.findOne({ _id: erasure._id });
        return job?.state === "done" ? (job as ErasureDoc) : null;
      }, 30_000, 200);
      expect(done.interruptions).toHaveLength(1);
      expect(done.interruptions[0]).toMatchObject({ state: "erasing", reason: expect.stringContaining("stopped responding") });
      expect(done.receipt).toMatchObject({ counts: stored, remainingAtFinalPass: nothing, interruptions: [{ state: "erasing" }] });
      expect(await recordsOf(keyOf(visitorId))).toEqual(nothing);
    } finally {
      await kill(second.process, "SIGTERM");
    }
  }, 90_000);

  it("MS-1.7 a purge killed with SIGKILL mid-way is resumed by a second server process: zero documents remain and the receipt records the interruption", async () => {
    const purged = await createTenantFixture(db, "Purge crash");
    const stored = await storeVisitorRecords(purged, randomBytes(20).toString("base64url"), 300, 10);
    const first = await startServerProcess();
    const { purge } = await requestAnalyticsPurge(db, { tenantId: purged.tenantId, siteId: null, requestedBy: { type: "system", id: "purge-test" }, requestedVia: "platform", reason: "crash test", now: new Date() });
    const purges = complianceCollections(db).purges;
    await waitFor("the first process deleting", async () => {
      const job = await purges.findOne({ _id: purge._id });
      return job?.state === "deleting" && (job.collections.recordingChunks?.removed ?? 0) > 0 ? job : null;
    }, 20_000, 5);
    // A batch for a tenant being purged is refused with its own code, not stored behind the purge.
    const refused = await postBatch(first.url, batchPayload(purged.site.siteKey, {}), { origin: purged.site.allowedOrigins[0] as string });
    await kill(first.process, "SIGKILL");
    expect(refused).toMatchObject({ status: 412, body: { error: { code: "PURGE_IN_PROGRESS" } } });
    expect((await purges.findOne({ _id: purge._id }))?.state, "the kill came too late to interrupt the purge").toBe("deleting");

    const second = await startServerProcess();
    try {
      const done = await waitFor("the second process finishing the purge", async () => {
        const job = await purges.findOne({ _id: purge._id });
        return job?.state === "done" ? job : null;
      }, 30_000, 200);
      expect(done.receipt?.interruptions).toEqual([expect.objectContaining({ state: "deleting", reason: expect.stringContaining("stopped responding") })]);
      expect(done.receipt?.removed.find((entry) => entry.collection === "recordingChunks")?.documentsRemoved).toBe(stored.recordingChunks + 1);
      for (const name of ["recordingChunks", "sessions", "pageViews"]) expect(await db.collection(name).countDocuments({ tenantId: purged.tenantId }), name).toBe(0);
    } finally {
      await kill(second.process, "SIGTERM");
    }
  }, 90_000);
});
