import { describe, expect, it } from "vitest";
import { defaultRetry, resolveRetryOptions, retryDelayMs, shouldRetry, type FailedCall } from "./retryPolicy.js";

describe("shouldRetry", () => {
  const cases: [string, FailedCall, boolean][] = [
    ["a query with no answer (network error, timeout)", { type: "query", httpStatus: undefined, attempts: 1 }, true],
    ["a rate-limited query", { type: "query", httpStatus: 429, attempts: 1 }, true],
    ["a query a proxy answered 502", { type: "query", httpStatus: 502, attempts: 2 }, true],
    ["a query answered 503", { type: "query", httpStatus: 503, attempts: 1 }, true],
    ["a query answered 504", { type: "query", httpStatus: 504, attempts: 1 }, true],
    ["a query after its last attempt", { type: "query", httpStatus: 503, attempts: 3 }, false],
    ["a refused query (400)", { type: "query", httpStatus: 400, attempts: 1 }, false],
    ["an unauthenticated query (401)", { type: "query", httpStatus: 401, attempts: 1 }, false],
    ["a query for something absent (404)", { type: "query", httpStatus: 404, attempts: 1 }, false],
    ["a query that hit a server bug (500)", { type: "query", httpStatus: 500, attempts: 1 }, false],
    ["a mutation with no answer: it may have been applied", { type: "mutation", httpStatus: undefined, attempts: 1 }, false],
    ["a rate-limited mutation", { type: "mutation", httpStatus: 429, attempts: 1 }, false],
    ["a query asked to wait 5 s (maxDelayMs)", { type: "query", httpStatus: 429, attempts: 1, retryAfterSeconds: 5 }, true],
    ["a query asked to wait longer than maxDelayMs", { type: "query", httpStatus: 429, attempts: 1, retryAfterSeconds: 6 }, false],
    ["a mutation answered 503", { type: "mutation", httpStatus: 503, attempts: 1 }, false],
  ];
  it.each(cases)("%s: %s", (_title, call, expected) => {
    expect(shouldRetry(call, defaultRetry)).toBe(expected);
  });
});

describe("retryDelayMs", () => {
  it.each([
    [1, 200],
    [2, 400],
    [3, 800],
    [6, 5_000],
    [40, 5_000],
  ])("after %i failed attempts waits %i ms", (attemptsMade, expected) => {
    expect(retryDelayMs(attemptsMade, defaultRetry)).toBe(expected);
  });
});

describe("retryDelayMs with the server's Retry-After", () => {
  it.each([
    [1, 3, 3_000],
    [3, 0.1, 800],
    [1, undefined, 200],
  ])("after %i failed attempts, asked to wait %s s, waits %i ms", (attemptsMade, retryAfterSeconds, expected) => {
    expect(retryDelayMs(attemptsMade, defaultRetry, retryAfterSeconds)).toBe(expected);
  });
});

describe("resolveRetryOptions", () => {
  it("fills in the defaults and turns retrying off with false", () => {
    expect(resolveRetryOptions(undefined)).toEqual(defaultRetry);
    expect(resolveRetryOptions({ attempts: 5 })).toEqual({ ...defaultRetry, attempts: 5 });
    expect(resolveRetryOptions(false).attempts).toBe(1);
  });

  it.each([
    [{ attempts: 0 }, "retry.attempts: must be a whole number at least 1, got 0"],
    [{ attempts: 2.5 }, "retry.attempts: must be a whole number at least 1, got 2.5"],
    [{ baseDelayMs: -1 }, "retry.baseDelayMs: must be a number at least 0, got -1"],
    [{ maxDelayMs: Number.NaN }, "retry.maxDelayMs: must be a number at least 0, got NaN"],
  ])("refuses %o", (options, message) => {
    expect(() => resolveRetryOptions(options)).toThrow(message);
  });
});
