import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { createSessionsStore, noSessionFilter, sessionQueryFilter, type SessionSummary } from "./sessionsStore.js";

const summary = (sessionId: string): SessionSummary => ({
  sessionId,
  siteId: "site_1",
  firstSeenAt: "2026-03-01T10:00:00.000Z",
  lastSeenAt: "2026-03-01T10:05:00.000Z",
  durationMs: 300_000,
  pageCount: 2,
  eventCount: 40,
  entryUrl: "https://shop.example/",
  technical: { browser: "Firefox", deviceClass: "desktop" },
  violationCount: 0,
  droppedEvents: 0,
  rageClicks: 0,
  deadClicks: 0,
  policy: { id: "mousestats", version: 1 },
});

describe("sessionQueryFilter", () => {
  it.each([
    [noSessionFilter, "UTC", {}],
    [{ ...noSessionFilter, fromDay: "2026-07-01", toDay: "2026-07-01" }, "Europe/Lisbon", { from: "2026-06-30T23:00:00.000Z", to: "2026-07-01T23:00:00.000Z" }],
    [{ ...noSessionFilter, url: " https://shop.example/checkout ", browser: " Chrome " }, "UTC", { url: "https://shop.example/checkout", browser: "Chrome" }],
    [{ ...noSessionFilter, deviceClass: "mobile", minDurationSeconds: "30" }, "UTC", { deviceClass: "mobile", minDurationMs: 30_000 }],
    [{ ...noSessionFilter, rageClicksOnly: true, violationsOnly: true }, "UTC", { hasRageClicks: true, hasViolations: true }],
    // Sent as typed, for the server to refuse with the field's name.
    [{ ...noSessionFilter, minDurationSeconds: "-3" }, "UTC", { minDurationMs: -3_000 }],
  ] as const)("%j in %s is asked as %j", (filter, zone, query) => {
    expect(sessionQueryFilter(filter, zone)).toEqual(query);
  });
});

describe("createSessionsStore", () => {
  it("asks for the site's sessions, follows the cursor, and starts again from the newest page on a new filter", async () => {
    const query = vi.fn(async (input: { cursor?: string }) => (input.cursor === undefined ? { sessions: [summary("a")], nextCursor: "page-2", total: 2 } : { sessions: [summary("b")], nextCursor: null, total: 2 }));
    const api = { sessions: { list: { query } } } as unknown as MousetrailClient;
    await createRoot(async (dispose) => {
      const store = createSessionsStore(api, "tnt_1", "site_1", () => "UTC", 1);
      await vi.waitFor(() => expect(store.page()?.sessions[0]?.sessionId).toBe("a"));
      store.next();
      await vi.waitFor(() => expect(store.page()?.sessions[0]?.sessionId).toBe("b"));
      expect(store.pageNumber()).toBe(2);
      store.next();
      expect(store.pageNumber()).toBe(2);
      store.setFilter({ ...noSessionFilter, rageClicksOnly: true });
      await vi.waitFor(() => expect(store.page()?.sessions[0]?.sessionId).toBe("a"));
      expect(store.pageNumber()).toBe(1);
      expect(query).toHaveBeenCalledWith({ tenantId: "tnt_1", siteId: "site_1", limit: 1, cursor: "page-2" });
      expect(query).toHaveBeenLastCalledWith({ tenantId: "tnt_1", siteId: "site_1", limit: 1, hasRageClicks: true });
      dispose();
    });
  });
});
