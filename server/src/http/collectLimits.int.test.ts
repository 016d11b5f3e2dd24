import { request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import Router from "@koa/router";
import type { Db } from "mongodb";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { collections, type SiteDoc } from "../db/collections.js";
import { createSite } from "../domain/sites/createSite.js";
import { createBatchMemoryBudget } from "../memory/batchMemoryBudget.js";
import { collectLimits, type CollectPayload } from "../ingest/collectPayload.schema.js";
import { createCollectPipeline } from "../ingest/collectPipeline.js";
import { createSiteDirectory } from "../domain/sites/siteDirectory.js";
import { maxViolationsPerBatch } from "../ingest/steps/detectPiiStep.js";
import { visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { createLogger } from "../logging/logger.js";
import { decodeChunkEvents } from "../repositories/recordingChunkRepository.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createTenantFixture } from "../testing/apiHarness.js";
import { batchPayload, largePageEvents, postBatch } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";
import { mountCollectRoute, type CollectRouteOptions } from "./collectRoute.js";

/** Values as JSON.parse allocates them, object keys included: counted here without the scanner. */
function countValues(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countValues(item), 1);
  if (value !== null && typeof value === "object") return Object.values(value).reduce((sum: number, item) => sum + 1 + countValues(item), 1);
  return 1;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}

function nested(levels: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < levels; level++) value = [value];
  return value;
}

describe("POST /collect: the structural limits of a batch, at the limit and one over", () => {
  const server = useTestServer();
  let site: SiteDoc;
  const db = () => server.server.database.db;

  beforeAll(async () => {
    const tenant = await createTenantFixture(db(), "Limits");
    const call = { scope: tenantScope(db(), tenant.tenantId), actor: { type: "user" as const, id: tenant.members.owner._id, platform: false }, now: new Date() };
    site = await createSite(call, { name: "Shop", allowedOrigins: ["https://shop.example"] });
    // Page text kept, so PII in it reaches the server's detection (MS-1.7).
    await collections(db()).sites.updateOne({ _id: site._id }, { $set: { "privacy.settings.textMasking": "inputs-only" } });
  });

  /** The recorded checkout batch with custom events carrying `pads` (rrweb's type 5, `{ tag, payload }`). */
  const padded = (...pads: unknown[]): CollectPayload => {
    const base = batchPayload(site.siteKey);
    const at = base.sentAt - 1_000;
    return { ...base, events: [...base.events, ...pads.map((payload) => ({ type: 5, data: { tag: "pad", payload }, timestamp: at }))] };
  };

  it("values: 250,000 (keys included) stored, 250,001 refused with 413", async () => {
    const base = countValues(padded([]));
    const atLimit = padded(new Array(collectLimits.maxJsonValues - base).fill(0));
    expect(countValues(atLimit)).toBe(250_000);
    expect((await postBatch(server.url, atLimit)).status).toBe(204);
    const over = padded(new Array(collectLimits.maxJsonValues - base + 1).fill(0));
    expect(await postBatch(server.url, over)).toMatchObject({
      status: 413,
      body: { error: { code: "PAYLOAD_TOO_LARGE", field: "body", message: "body: more than 250000 JSON values (keys included)" } },
    });
  });

  it("depth: 256 levels stored, 257 refused with 400", async () => {
    // The pad sits under the batch, the events array, its event and the event's data.
    const extra = depthOf({ events: [{ data: { payload: null } }] });
    const atLimit = padded(nested(collectLimits.maxJsonDepth - extra));
    expect(depthOf(atLimit)).toBe(256);
    expect((await postBatch(server.url, atLimit)).status).toBe(204);
    expect(await postBatch(server.url, padded(nested(collectLimits.maxJsonDepth - extra + 1)))).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_INPUT", field: "body", message: "body: nested deeper than 256 levels" } },
    });
  });

  it("string: 2 MiB stored, one byte more refused with 413", async () => {
    expect((await postBatch(server.url, padded("a".repeat(collectLimits.maxStringBytes)))).status).toBe(204);
    expect(await postBatch(server.url, padded("a".repeat(collectLimits.maxStringBytes + 1)))).toMatchObject({
      status: 413,
      body: { error: { code: "PAYLOAD_TOO_LARGE", message: "body: a string is longer than 2097152 bytes" } },
    });
  });

  it("events: 5,000 stored, 5,001 refused with 400 naming the field", async () => {
    const recorded = batchPayload(site.siteKey).events.length;
    expect((await postBatch(server.url, padded(...new Array(collectLimits.maxEventsPerBatch - recorded).fill(0)))).status).toBe(204);
    expect(await postBatch(server.url, padded(...new Array(collectLimits.maxEventsPerBatch - recorded + 1).fill(0)))).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_INPUT", field: "events", message: "events: must hold at most 5000 events" } },
    });
  });

  it("decompressed bytes: 8 MiB stored, one byte more refused with 413", async () => {
    const pads = ["", "", "", ""];
    const room = collectLimits.maxDecompressedBytes - Buffer.byteLength(JSON.stringify(padded(...pads)));
    const fill = (extra: number) => pads.map((_, index) => "a".repeat(Math.floor(room / 4) + (index === 0 ? (room % 4) + extra : 0)));
    const atLimit = padded(...fill(0));
    expect(Buffer.byteLength(JSON.stringify(atLimit))).toBe(8 * 1024 * 1024);
    expect((await postBatch(server.url, atLimit)).status).toBe(204);
    expect(await postBatch(server.url, padded(...fill(1)))).toMatchObject({
      status: 413,
      body: { error: { code: "PAYLOAD_TOO_LARGE", message: "body: larger than 8388608 bytes once decompressed" } },
    });
  });

  it("times: an event from 1970 is refused by name, and no session starts then", async () => {
    const payload = batchPayload(site.siteKey);
    const events = payload.events.map((event, index) => (index === 2 ? { ...event, timestamp: 1 } : event));
    expect(await postBatch(server.url, { ...payload, events })).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_INPUT", field: "events.2.timestamp", message: "events.2.timestamp: more than 86400000 ms before the server's clock" } },
    });
    expect(await analyticsCollections(db()).sessions.countDocuments({ startedAt: { $lt: new Date("2000-01-01") } })).toBe(0);
  });

  it("MS-1.7 records PII once per kind and place, and at most 1,000 times a batch, redacting every hit", async () => {
    const violationsOf = (pageId: string) => analyticsCollections(db()).piiViolations.find({ pageId }).toArray();
    const custom = (payload: unknown) => ({ type: 5, data: { tag: "pad", payload }, timestamp: Date.now() - 1_000 });
    const dense = batchPayload(site.siteKey, { events: [custom("a jane.doe@example.com ".repeat(20_000))] });
    expect((await postBatch(server.url, dense)).status).toBe(204);
    expect(await violationsOf(dense.pageId)).toMatchObject([{ kind: "email", location: "events.0.data.payload" }]);

    const many = batchPayload(site.siteKey, { events: [custom(Array.from({ length: 1_500 }, (_, index) => `user${index}@example.com`))] });
    expect((await postBatch(server.url, many)).status).toBe(204);
    expect(await violationsOf(many.pageId)).toHaveLength(maxViolationsPerBatch);
    const [chunk] = await analyticsCollections(db()).recordingChunks.find({ pageId: many.pageId }).toArray();
    expect(JSON.stringify(await decodeChunkEvents(chunk!))).not.toContain("@example.com");
  });

  it("405 and 415 carry their own codes, never INTERNAL", async () => {
    const get = await fetch(`${server.url}/collect`);
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST, OPTIONS");
    expect(await get.json()).toEqual({ error: { code: "METHOD_NOT_ALLOWED", message: "method GET is not allowed: send batches with POST" } });

    const brotli = await postBatch(server.url, null, { rawBody: "x", gzip: false, headers: { "content-encoding": "br" } });
    expect(brotli).toMatchObject({ status: 415, body: { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "body: encoding br is not supported (send gzip or identity)" } } });
    const deflateQuery = await fetch(`${server.url}/collect?enc=deflate`, { method: "POST", body: "x" });
    expect(deflateQuery.status).toBe(415);
    const form = await postBatch(server.url, batchPayload(site.siteKey), { headers: { "content-type": "multipart/form-data; boundary=x" } });
    expect(form).toMatchObject({ status: 415, body: { error: { code: "UNSUPPORTED_MEDIA_TYPE", message: "body: content type multipart/form-data is not supported (send text/plain or application/json)" } } });
  });
});

describe("POST /collect: the memory budget of decompression and parsing", () => {
  const server = useTestServer();
  const budget = createBatchMemoryBudget({ totalBytes: 1, maxWaiting: 3 });
  let url = "";
  let close = () => {};

  beforeAll(async () => {
    const db = server.server.database.db;
    const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: visitorKeySecretOf("test-session-secret-test-session-secret") });
    const router = new Router();
    mountCollectRoute(router, { pipeline, logger: createLogger({ level: "silent" }), maxInFlight: 64, memoryBudget: budget });
    const app = new Koa().use(router.routes());
    const listening = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    close = () => listening.close();
  });
  afterAll(() => close());

  it("MS-3.4 answers 429 with Retry-After past the waiting bound, refuses every bomb, and frees the budget", async () => {
    const head = '{"events":[{"type":3,"timestamp":1,"data":[';
    const bomb = gzipSync(Buffer.from(`${head}${"{},".repeat(2_700_000)}{}]}]}`));
    // Another batch holds the whole budget: three bombs wait for it, the other two are told to retry.
    const held = await budget.acquire(1);
    const answers = Array.from({ length: 5 }, () => fetch(`${url}/collect?enc=gzip`, { method: "POST", headers: { origin: "https://shop.example" }, body: bomb }));
    await vi.waitFor(() => expect(budget.waiting).toBe(3), { timeout: 15_000 });
    held?.release();
    const responses = await Promise.all(answers);
    expect(responses.map((response) => response.status).sort()).toEqual([413, 413, 413, 429, 429]);
    const busy = responses.find((response) => response.status === 429);
    expect(busy?.headers.get("retry-after")).toBe("1");
    expect(await busy?.json()).toEqual({ error: { code: "RATE_LIMITED", message: "server busy decompressing other batches: retry later" } });
    expect(budget.inUse).toBe(0);
    expect(budget.waiting).toBe(0);
  });
});

/** A site of a new tenant, and a collect route of its own with `options`, listening on a free port. */
async function collectRouteOfNewSite(db: Db, name: string, options: Omit<CollectRouteOptions, "pipeline" | "logger">): Promise<{ site: SiteDoc; url: string; close: () => void }> {
  const tenant = await createTenantFixture(db, name);
  const call = { scope: tenantScope(db, tenant.tenantId), actor: { type: "user" as const, id: tenant.members.owner._id, platform: false }, now: new Date() };
  const site = await createSite(call, { name: "Shop", allowedOrigins: ["https://shop.example"] });
  const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: visitorKeySecretOf("test-session-secret-test-session-secret") });
  const router = new Router();
  mountCollectRoute(router, { pipeline, logger: createLogger({ level: "silent" }), ...options });
  const listening = new Koa().use(router.routes()).listen(0, "127.0.0.1");
  await new Promise((resolve) => listening.once("listening", resolve));
  return { site, url: `http://127.0.0.1:${(listening.address() as AddressInfo).port}`, close: () => listening.close() };
}

describe("POST /collect: the memory a large batch lets go", () => {
  const server = useTestServer();
  const noted: number[] = [];
  let site: SiteDoc;
  let url = "";
  let close = () => {};

  beforeAll(async () => {
    const largeGarbage = { note: (bytes: number) => void noted.push(bytes), fullCollections: 0 };
    ({ site, url, close } = await collectRouteOfNewSite(server.server.database.db, "Large batches", { maxInFlight: 8, largeGarbage }));
  });
  afterAll(() => close());

  it("reports what a product-page-sized batch held once it is answered, and nothing for a recorder-sized batch or a refused one", async () => {
    expect((await postBatch(url, batchPayload(site.siteKey))).status).toBe(204);
    const bomb = gzipSync(Buffer.from(`{"events":[{"type":3,"timestamp":1,"data":[${"{},".repeat(300_000)}{}]}]}`));
    expect((await postBatch(url, null, { rawBody: bomb, headers: { "content-encoding": "gzip" } })).status).toBe(413);
    expect(noted).toEqual([]);
    const large = batchPayload(site.siteKey, { events: largePageEvents(1_500_000, Date.now() - 1_000) });
    const rawBytes = Buffer.byteLength(JSON.stringify(large));
    expect((await postBatch(url, large)).status).toBe(204);
    // The batch's settled estimate: four times its JSON, and per value what parsing allocates.
    expect(noted).toHaveLength(1);
    expect(noted[0]).toBeGreaterThan(4 * rawBytes);
  });
});

describe("POST /collect: slow senders", () => {
  const server = useTestServer();
  const bodyDeadlineMs = 1_500;
  let site: SiteDoc;
  let url = "";
  let close = () => {};

  beforeAll(async () => {
    ({ site, url, close } = await collectRouteOfNewSite(server.server.database.db, "Slow senders", { maxInFlight: 2, bodyDeadlineMs, receivingBytes: 64 * 1024 }));
  });
  afterAll(() => close());

  /** A request that announces `declared` bytes, sends `sent` of them, and stalls; resolves with its answer, if any. */
  const stall = (declared: number, sent: number) => {
    const request = httpRequest(`${url}/collect`, { method: "POST", headers: { "content-type": "text/plain", "content-length": String(declared), origin: "https://shop.example" } });
    const answer = new Promise<{ status: number; body: string } | "closed">((resolve) => {
      request.once("response", (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (piece: string) => (body += piece));
        response.once("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      request.once("error", () => resolve("closed"));
    });
    request.write(Buffer.alloc(sent, 0x20));
    return { answer, abort: () => request.destroy() };
  };

  it("MS-3.4 trickling senders hold no in-flight slot: a batch sent meanwhile is stored, and each of them is answered 503 at the deadline", async () => {
    const slow = Array.from({ length: 3 }, () => stall(4_000, 10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect((await postBatch(url, batchPayload(site.siteKey))).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(bodyDeadlineMs);
    for (const { answer } of slow) {
      const answered = await answer;
      expect(answered).not.toBe("closed");
      const { status, body } = answered as { status: number; body: string };
      expect(status).toBe(503);
      expect(JSON.parse(body)).toEqual({ error: { code: "UNAVAILABLE", field: "body", message: `body: not received within ${bodyDeadlineMs} ms: retry later` } });
    }
  });

  it("MS-3.4 the bytes of bodies being received are bounded together: past them 429, and a batch is stored again once they are gone", async () => {
    const first = stall(60_000, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = stall(60_000, 40_000);
    const refused = await second.answer;
    expect(refused).not.toBe("closed");
    expect(refused).toMatchObject({ status: 429 });
    expect(JSON.parse((refused as { body: string }).body)).toEqual({ error: { code: "RATE_LIMITED", message: "server busy receiving other batches: retry later" } });
    first.abort();
    await first.answer;
    await vi.waitFor(async () => expect((await postBatch(url, batchPayload(site.siteKey))).status).toBe(204), { timeout: 5_000 });
  });
});
