import { gunzipSync } from "node:zlib";
import { collectPayloadSchema } from "@mousetrail/server/ingest/collectPayload.schema";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BatchHeader } from "./batchPayload.js";
import { createUploader, maxAttempts, maxQueuedChars, maxQueuedEvents } from "./batchUploader.js";
import { createEventQueue } from "./eventQueue.js";
import { randomId } from "./randomId.js";

const ids = { sessionId: randomId(), visitorId: randomId(), pageId: randomId() };
const header = (seq: number, dropped: number): BatchHeader => ({
  v: 1,
  siteKey: "pk_0123456789abcdefghijklmn",
  ...ids,
  seq,
  sentAt: Date.now(),
  consent: "granted",
  ...(dropped > 0 ? { droppedEvents: dropped } : {}),
});
const event = (n: number, padding = 0) => JSON.stringify({ type: 3, timestamp: 1_700_000_000_000 + n, data: { source: 1, n, padding: "x".repeat(padding) } });

interface Sent {
  url: URL;
  keepalive: boolean;
  contentType: string | null;
  credentials: RequestCredentials | undefined;
  payload: ReturnType<typeof collectPayloadSchema.parse>;
  bytes: number;
}

/** A fake collect endpoint: answers from a script (then 204), records and decodes what it got. */
function fakeCollect(...script: (Response | Error)[]) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (input: URL | RequestInfo, init?: RequestInit) => {
    const url = new URL(String(input));
    const body = Buffer.from(init?.body as Uint8Array);
    const json = url.searchParams.get("enc") === "gzip" ? gunzipSync(body).toString("utf8") : body.toString("utf8");
    sent.push({
      url,
      keepalive: init?.keepalive === true,
      contentType: new Headers(init?.headers).get("content-type"),
      credentials: init?.credentials,
      payload: collectPayloadSchema.parse(JSON.parse(json)),
      bytes: body.byteLength,
    });
    const next = script.shift() ?? new Response(null, { status: 204 });
    if (next instanceof Error) throw next;
    return next;
  });
  vi.stubGlobal("fetch", fetch);
  return sent;
}

/** Without `compress`, a browser without CompressionStream. */
function setUp(options: { compress?: boolean } = {}) {
  if (!options.compress) vi.stubGlobal("CompressionStream", undefined);
  const queue = createEventQueue(maxQueuedEvents, maxQueuedChars);
  const onStored = vi.fn();
  const onStop = vi.fn();
  const uploader = createUploader("https://mt.example/collect", queue, header, onStored, onStop);
  return { queue, uploader, onStored, onStop };
}

const answer = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("createUploader", () => {
  it("sends batches in order without a content type, with the encoding in the query string, without credentials", async () => {
    const sent = fakeCollect();
    const { queue, uploader, onStored } = setUp();
    queue.push(event(1));
    queue.push(event(2));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    queue.push(event(3));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map(({ url, contentType, credentials, keepalive }) => ({ url: url.href, contentType, credentials, keepalive }))).toEqual([
      { url: "https://mt.example/collect?enc=identity", contentType: null, credentials: "omit", keepalive: false },
      { url: "https://mt.example/collect?enc=identity", contentType: null, credentials: "omit", keepalive: false },
    ]);
    expect(sent.map(({ payload }) => [payload.seq, payload.events.map((recorded) => (recorded.data as { n: number }).n)])).toEqual([
      [0, [1, 2]],
      [1, [3]],
    ]);
    expect(onStored).toHaveBeenCalledTimes(2);
  });

  it("compresses with gzip where CompressionStream exists", async () => {
    vi.useRealTimers();
    const sent = fakeCollect();
    const { queue, uploader } = setUp({ compress: true });
    for (let n = 0; n < 50; n++) queue.push(event(n, 200));
    uploader.flush();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.url.searchParams.get("enc")).toBe("gzip");
    expect(sent[0]?.payload.events).toHaveLength(50);
    expect(sent[0]?.bytes).toBeLessThan(50 * 200);
  });

  it("retries a 503 with the same sequence number, not before Retry-After", async () => {
    const sent = fakeCollect(answer(503, { error: { message: "retry later" } }, { "Retry-After": "3" }));
    const { queue, uploader, onStored } = setUp();
    queue.push(event(1));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.payload).toEqual(sent[0]?.payload);
    expect(onStored).toHaveBeenCalledTimes(1);
  });

  it.each([
    { cause: "a network error", first: () => new TypeError("fetch failed") },
    { cause: "429 without Retry-After", first: () => answer(429) },
    { cause: "500", first: () => answer(500) },
  ])("retries $cause within the first backoff window", async ({ first }) => {
    const sent = fakeCollect(first());
    const { queue, uploader } = setUp();
    queue.push(event(1));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent.map(({ payload }) => payload.seq)).toEqual([0, 0]);
  });

  it("drops a batch the server rejects with 400, never retries it, and goes on with the next", async () => {
    const sent = fakeCollect(answer(400, { error: { message: "events.0.type: too big", field: "events.0.type" } }));
    const { queue, uploader, onStop } = setUp();
    queue.push(event(1));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(1);
    queue.push(event(2));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map(({ payload }) => [payload.seq, payload.droppedEvents])).toEqual([
      [0, undefined],
      [1, undefined],
    ]);
    expect(onStop).not.toHaveBeenCalled();
  });

  it.each([
    { cause: "403", response: () => answer(403, { error: { message: "siteKey: unknown" } }) },
    { cause: "a batch dropped on purpose", response: () => answer(200, { stored: false, reason: "opted-out" }) },
  ])("stops on $cause", async ({ response }) => {
    const sent = fakeCollect(response());
    const { queue, uploader, onStop, onStored } = setUp();
    queue.push(event(1));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(1);
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(onStored).not.toHaveBeenCalled();
  });

  it("counts a duplicate as stored", async () => {
    fakeCollect(answer(200, { duplicate: true }));
    const { queue, uploader, onStored } = setUp();
    queue.push(event(1));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(onStored).toHaveBeenCalledTimes(1);
  });

  it("gives a batch up after its last attempt and reports its events as dropped in the next batch", async () => {
    const sent = fakeCollect(...Array.from({ length: maxAttempts }, () => answer(503)));
    const { queue, uploader } = setUp();
    queue.push(event(1));
    queue.push(event(2));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sent).toHaveLength(maxAttempts);
    queue.push(event(3));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.at(-1)?.payload).toMatchObject({ seq: 1, droppedEvents: 2 });
  });

  it("does not send a body over the server's limit, and reports its events as dropped", async () => {
    const sent = fakeCollect();
    const { queue, uploader } = setUp();
    queue.push(event(1, 1_100_000));
    queue.push(event(2));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map(({ payload }) => [payload.seq, payload.droppedEvents, payload.events.length])).toEqual([[1, 1, 1]]);
  });

  it("on hide sends what fits 64 KiB with keepalive, uncompressed, and keeps the rest for later", async () => {
    const sent = fakeCollect();
    const { queue, uploader } = setUp({ compress: true });
    for (let n = 0; n < 30; n++) queue.push(event(n, 3_000));
    uploader.flushOnHide();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ keepalive: true, url: new URL("https://mt.example/collect?enc=identity") });
    expect(sent[0]?.bytes).toBeLessThanOrEqual(60 * 1024);
    const sentCount = sent[0]?.payload.events.length ?? 0;
    expect(sentCount).toBeGreaterThan(10);
    expect(queue.length).toBe(30 - sentCount);

    // One event over the budget stays queued, and its sequence number is not used up.
    const big = setUp();
    big.queue.push(event(99, 70_000));
    big.uploader.flushOnHide();
    expect(big.queue.length).toBe(1);
    big.uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.at(-1)?.payload).toMatchObject({ seq: 0, events: [{ data: { n: 99 } }] });
  });

  it("asks for an early batch once enough is waiting", () => {
    const { queue, uploader } = setUp();
    for (let n = 0; n < 499; n++) queue.push(event(n));
    expect(uploader.due).toBe(false);
    queue.push(event(499));
    expect(uploader.due).toBe(true);
  });

  it("sends nothing more once disposed, retries included", async () => {
    const sent = fakeCollect(answer(503));
    const { queue, uploader } = setUp();
    queue.push(event(1));
    uploader.flush();
    await vi.advanceTimersByTimeAsync(0);
    uploader.dispose();
    queue.push(event(2));
    uploader.flush();
    uploader.flushOnHide();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent).toHaveLength(1);
  });
});
