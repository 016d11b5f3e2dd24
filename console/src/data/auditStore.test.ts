import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { createAuditStore, matchesAuditFilter, type AuditEntry } from "./auditStore.js";

const entry = (action: string, actorType: AuditEntry["actor"]["type"]): AuditEntry => ({
  entryId: `aud_${action}`,
  at: "2026-03-01T10:00:00.000Z",
  actor: { type: actorType, id: "usr_1", platform: false },
  action,
  target: { type: "site", id: "site_1" },
  details: {},
});

describe("matchesAuditFilter", () => {
  it.each([
    [{ action: "", actorType: "" }, entry("site.update", "user"), true],
    [{ action: "SITE.", actorType: "" }, entry("site.update", "user"), true],
    [{ action: " apiKey.revoke ", actorType: "" }, entry("apiKey.revoke", "user"), true],
    [{ action: "apiKey", actorType: "" }, entry("site.update", "user"), false],
    [{ action: "", actorType: "apiKey" }, entry("site.update", "user"), false],
    [{ action: "site", actorType: "user" }, entry("site.update", "user"), true],
  ] as const)("%j keeps %j: %s", (filter, candidate, kept) => {
    expect(matchesAuditFilter(candidate, filter)).toBe(kept);
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
});
