import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient, isMousetrailError } from "./client.js";

const unavailable = { error: { message: "Try again later", code: -32603, data: { code: "SERVICE_UNAVAILABLE", httpStatus: 503, appCode: "UNAVAILABLE" } } };

/** A server that answers each request with the next of `answers`, recording what was asked. */
function scriptedFetch(answers: { status: number; body: unknown }[]) {
  const requests: { method: string; url: string }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push({ method: init?.method ?? "GET", url: String(input) });
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    return new Response(JSON.stringify([answer.body]), { status: answer.status, headers: { "content-type": "application/json" } });
  };
  return { fetch, requests };
}

async function failure(call: Promise<unknown>) {
  const error = await call.then(() => undefined, (error: unknown) => error);
  if (!isMousetrailError(error)) throw new Error(`expected a MousetrailError, got ${String(error)}`);
  return error;
}

describe("createClient", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends a query again after 503s, and answers with the first success", async () => {
    const server = scriptedFetch([{ status: 503, body: unavailable }, { status: 503, body: unavailable }, { status: 200, body: { result: { data: [] } } }]);
    const client = createClient({ baseUrl: "https://mt.example/", apiKey: "mt_key", fetch: server.fetch, retry: { baseDelayMs: 0 } });
    await expect(client.sites.list.query({ tenantId: "tenant_1" })).resolves.toEqual([]);
    expect(server.requests.map((request) => request.method)).toEqual(["GET", "GET", "GET"]);
    expect(server.requests[0]!.url).toMatch(/^https:\/\/mt\.example\/trpc\/sites\.list\?/);
  });

  it("gives up on a query after `attempts` tries and throws the last error", async () => {
    const server = scriptedFetch([{ status: 503, body: unavailable }]);
    const client = createClient({ baseUrl: "https://mt.example", apiKey: "mt_key", fetch: server.fetch, retry: { attempts: 2, baseDelayMs: 0 } });
    const error = await failure(client.sites.list.query({ tenantId: "tenant_1" }));
    expect(error.data?.appCode).toBe("UNAVAILABLE");
    expect(server.requests).toHaveLength(2);
  });

  it("waits what the server asks before sending a rate-limited query again", async () => {
    vi.useFakeTimers();
    const limited = { error: { message: "Too many requests", code: -32029, data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, appCode: "RATE_LIMITED", retryAfterSeconds: 2 } } };
    const server = scriptedFetch([{ status: 429, body: limited }, { status: 200, body: { result: { data: [] } } }]);
    const client = createClient({ baseUrl: "https://mt.example", apiKey: "mt_key", fetch: server.fetch, retry: { baseDelayMs: 10 } });
    const answer = client.sites.list.query({ tenantId: "tenant_1" });
    await vi.advanceTimersByTimeAsync(1_900);
    expect(server.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(server.requests).toHaveLength(2);
    await expect(answer).resolves.toEqual([]);
  });

  it("never sends a mutation twice, even when the server was unavailable", async () => {
    const server = scriptedFetch([{ status: 503, body: unavailable }, { status: 200, body: { result: { data: {} } } }]);
    const client = createClient({ baseUrl: "https://mt.example", apiKey: "mt_key", fetch: server.fetch, retry: { baseDelayMs: 0 } });
    const error = await failure(client.sites.create.mutate({ tenantId: "tenant_1", name: "Shop", allowedOrigins: ["https://shop.example"] }));
    expect(error.data?.httpStatus).toBe(503);
    expect(server.requests.map((request) => request.method)).toEqual(["POST"]);
  });

  it("does not retry a refused query (400)", async () => {
    const refused = { error: { message: "siteId: must be a site id", code: -32600, data: { code: "BAD_REQUEST", httpStatus: 400, appCode: "BAD_INPUT" } } };
    const server = scriptedFetch([{ status: 400, body: refused }]);
    const client = createClient({ baseUrl: "https://mt.example", apiKey: "mt_key", fetch: server.fetch, retry: { baseDelayMs: 0 } });
    expect((await failure(client.sites.get.query({ tenantId: "tenant_1", siteId: "x" }))).data?.appCode).toBe("BAD_INPUT");
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a request that gets no answer within timeoutMs, then retries the query", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const hanging: typeof globalThis.fetch = (_input, init) => {
      calls += 1;
      return new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason as Error)));
    };
    const client = createClient({ baseUrl: "https://mt.example", apiKey: "mt_key", fetch: hanging, timeoutMs: 1_000, retry: { attempts: 2, baseDelayMs: 100 } });
    const outcome = failure(client.sites.list.query({ tenantId: "tenant_1" }));
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    const error = await outcome;
    expect(calls).toBe(2);
    expect(error.data).toBeUndefined();
    expect((error.cause as DOMException).name).toBe("TimeoutError");
  });

  it.each([
    [{ timeoutMs: 0 }, "timeoutMs: must be a number greater than 0, got 0"],
    [{ retry: { attempts: 0 } }, "retry.attempts: must be a whole number at least 1, got 0"],
  ])("refuses bad options %o", (options, message) => {
    expect(() => createClient({ baseUrl: "https://mt.example", apiKey: "mt_key", ...options })).toThrow(message);
  });
});
