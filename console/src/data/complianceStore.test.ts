import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createRoot } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { createOptOutVerificationStore, createPastPurgesStore } from "./complianceStore.js";

describe("createPastPurgesStore", () => {
  it("pages through past purges and reloads from the newest page after a purge", async () => {
    let requests = 0;
    const query = vi.fn(async (input: { cursor?: string }) => {
      requests++;
      return input.cursor === undefined ? { purges: [{ purgeId: `prg_newest_${requests}` }], nextCursor: "older" } : { purges: [{ purgeId: "prg_old" }], nextCursor: null };
    });
    const api = { compliance: { purges: { query } } } as unknown as MousetrailClient;
    await createRoot(async (dispose) => {
      const store = createPastPurgesStore(api, "tnt_1", 1);
      await vi.waitFor(() => expect(store.page()?.purges[0]?.purgeId).toBe("prg_newest_1"));
      store.next();
      await vi.waitFor(() => expect(store.page()?.purges[0]?.purgeId).toBe("prg_old"));
      store.reload();
      expect(store.pageNumber()).toBe(1);
      await vi.waitFor(() => expect(store.page()?.purges[0]?.purgeId).toBe("prg_newest_3"));
      store.reload(); // already on the newest page: read again
      await vi.waitFor(() => expect(store.page()?.purges[0]?.purgeId).toBe("prg_newest_4"));
      expect(query).toHaveBeenCalledWith({ tenantId: "tnt_1", limit: 1, cursor: "older" });
      dispose();
    });
  });
});

describe("createOptOutVerificationStore", () => {
  it("follows the server's cursor and comes back", async () => {
    const query = vi.fn(async (input: { cursor?: string }) =>
      input.cursor === undefined ? { optOuts: [], breached: 1, nextCursor: "older" } : { optOuts: [], breached: 0, nextCursor: null },
    );
    const api = { compliance: { optOutVerification: { query } } } as unknown as MousetrailClient;
    await createRoot(async (dispose) => {
      const store = createOptOutVerificationStore(api, "tnt_1", 10);
      await vi.waitFor(() => expect(store.page()?.breached).toBe(1));
      store.next();
      await vi.waitFor(() => expect(store.page()?.breached).toBe(0));
      store.next(); // no older page: stays
      expect(store.pageNumber()).toBe(2);
      store.previous();
      await vi.waitFor(() => expect(store.page()?.breached).toBe(1));
      expect(query).toHaveBeenCalledWith({ tenantId: "tnt_1", limit: 10, cursor: "older" });
      dispose();
    });
  });
});
