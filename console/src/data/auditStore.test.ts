import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { auditQueryFilter, createAuditStore, noAuditFilter, type AuditEntry } from "./auditStore.js";

const entry = (action: string, actorType: AuditEntry["actor"]["type"]): AuditEntry => ({
  entryId: `aud_${action}`,
  at: "2026-03-01T10:00:00.000Z",
  actor: { type: actorType, id: "usr_1", platform: false },
  action,
  target: { type: "site", id: "site_1" },
  details: {},
});

describe("auditQueryFilter", () => {
  it.each([
    [noAuditFilter, {}],
    [{ ...noAuditFilter, action: " site. " }, { action: "site." }],
    [{ ...noAuditFilter, actorType: "apiKey" }, { actorType: "apiKey" }],
    [{ ...noAuditFilter, actorId: " usr_1 " }, { actorId: "usr_1" }],
    [{ ...noAuditFilter, fromDay: "2026-03-01", toDay: "2026-03-01" }, { from: new Date(2026, 2, 1).toISOString(), to: new Date(2026, 2, 2).toISOString() }],
    [{ ...noAuditFilter, toDay: "2026-02-28" }, { to: new Date(2026, 2, 1).toISOString() }],
  ] as const)("%j is asked as %j", (filter, query) => {
    expect(auditQueryFilter(filter)).toEqual(query);
  });
});

describe("createAuditStore", () => {
  it("follows the server's cursor to older pages and comes back to newer ones", async () => {
    const query = vi.fn(async (input: { cursor?: string }) =>
      input.cursor === undefined ? { entries: [entry("site.create", "user")], nextCursor: "page-2" } : { entries: [entry("tenant.create", "system")], nextCursor: null },
    );
    const api = { audit: { list: { query } } } as unknown as MousetrailClient;
    await createRoot(async (dispose) => {
      const store = createAuditStore(api, "tnt_1", 1);
      await vi.waitFor(() => expect(store.page()?.entries[0]?.action).toBe("site.create"));
      store.next();
      await vi.waitFor(() => expect(store.page()?.entries[0]?.action).toBe("tenant.create"));
      expect(store.pageNumber()).toBe(2);
      store.next(); // no older page: stays
      expect(store.pageNumber()).toBe(2);
      store.previous();
      await vi.waitFor(() => expect(store.page()?.entries[0]?.action).toBe("site.create"));
      expect(query).toHaveBeenCalledWith({ tenantId: "tnt_1", limit: 1, cursor: "page-2" });
      dispose();
    });
  });

  it("asks the server for the filtered log and starts again from its newest page when the filter changes", async () => {
    const query = vi.fn(async (input: { cursor?: string }) => ({ entries: [entry("site.update", "user")], nextCursor: input.cursor === undefined ? "page-2" : null }));
    const api = { audit: { list: { query } } } as unknown as MousetrailClient;
    await createRoot(async (dispose) => {
      const store = createAuditStore(api, "tnt_1", 1);
      await vi.waitFor(() => expect(store.page()?.nextCursor).toBe("page-2"));
      store.next();
      await vi.waitFor(() => expect(store.pageNumber()).toBe(2));
      store.setFilter({ ...noAuditFilter, action: "site.", actorType: "user" });
      expect(store.pageNumber()).toBe(1);
      await vi.waitFor(() => expect(query).toHaveBeenLastCalledWith({ tenantId: "tnt_1", limit: 1, action: "site.", actorType: "user" }));
      dispose();
    });
  });
});
