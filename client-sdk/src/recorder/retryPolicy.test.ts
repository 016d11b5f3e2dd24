import { describe, expect, it } from "vitest";
import { backoffBaseMs, backoffMaxMs, classifyCollectResponse, retryAfterMs, retryDelayMs } from "./retryPolicy.js";

const now = Date.UTC(2025, 0, 1, 12, 0, 0);

describe("classifyCollectResponse", () => {
  it.each([
    { status: 204, body: null, retryAfter: null, outcome: "stored" },
    { status: 200, body: { duplicate: true }, retryAfter: null, outcome: "stored" },
    { status: 200, body: { stored: false, reason: "opted-out" }, retryAfter: null, outcome: "stop" },
    { status: 200, body: { stored: false, reason: "no-consent" }, retryAfter: null, outcome: "stop" },
    { status: 200, body: null, retryAfter: null, outcome: "stored" },
    { status: 200, body: "stored", retryAfter: null, outcome: "stored" },
    { status: 200, body: 0, retryAfter: null, outcome: "stored" },
    { status: 202, body: null, retryAfter: null, outcome: "stored" },
    { status: 400, body: null, retryAfter: null, outcome: "discard" },
    { status: 404, body: null, retryAfter: null, outcome: "discard" },
    { status: 413, body: null, retryAfter: null, outcome: "discard" },
    { status: 403, body: null, retryAfter: null, outcome: "stop" },
    { status: 429, body: null, retryAfter: "7", outcome: { retryAfterMs: 7_000 } },
    { status: 429, body: null, retryAfter: null, outcome: { retryAfterMs: null } },
    { status: 500, body: null, retryAfter: null, outcome: { retryAfterMs: null } },
    { status: 503, body: null, retryAfter: "5", outcome: { retryAfterMs: 5_000 } },
  ])("$status $body → $outcome", ({ status, body, retryAfter, outcome }) => {
    expect(classifyCollectResponse(status, body, retryAfter)).toEqual(outcome);
  });
});

describe("retryAfterMs", () => {
  it.each([
    { header: "0", ms: 0 },
    { header: " 120 ", ms: 120_000 },
    // Only delay-seconds, the form the collect endpoint sends; a date falls back to the backoff.
    { header: new Date(now + 30_000).toUTCString(), ms: null },
    { header: "soon", ms: null },
    { header: "1.5", ms: null },
    { header: "-5", ms: null },
    { header: "", ms: null },
    { header: null, ms: null },
  ])("$header → $ms", ({ header, ms }) => {
    expect(retryAfterMs(header)).toBe(ms);
  });
});

describe("retryDelayMs", () => {
  it("draws a uniformly random wait under a ceiling that doubles per attempt up to the maximum", () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelayMs(attempt, null, () => 0.999_999))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryDelayMs(10, null, () => 0.999_999)).toBe(backoffMaxMs);
    expect(retryDelayMs(3, null, () => 0.5)).toBe(4 * backoffBaseMs);
    expect(retryDelayMs(3, null, () => 0)).toBe(0);
  });

  it("spreads the waits of many recorders over the whole window (jitter)", () => {
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, null));
    expect(Math.min(...delays)).toBeLessThan(4_000);
    expect(Math.max(...delays)).toBeGreaterThan(12_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(16_000);
  });

  it("never retries before Retry-After, and still adds jitter beyond it", () => {
    expect(retryDelayMs(0, 5_000, () => 0)).toBe(5_000);
    expect(retryDelayMs(4, 5_000, () => 0.5)).toBe(8_000);
  });
});
