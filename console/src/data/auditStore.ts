import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, createSignal } from "solid-js";

export type AuditEntry = RouterOutputs["audit"]["list"]["entries"][number];

export interface AuditFilter {
  /** Part of the action's name, e.g. `sites.` or `apiKeys.create`. */
  action: string;
  actorType: "" | AuditEntry["actor"]["type"];
}

/** Keeps the entries of a page that match the filter; the server pages, the console filters what it shows. */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  return (filter.action === "" || entry.action.toLowerCase().includes(filter.action.trim().toLowerCase())) && (filter.actorType === "" || entry.actor.type === filter.actorType);
}

/** The audit log, newest first, a page at a time: `next()` follows the cursor, `previous()` goes back. */
export function createAuditStore(api: MousetrailClient, tenantId: string, pageSize = 50) {
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const cursor = () => cursors()[cursors().length - 1];
  const [page] = createResource(
    () => ({ cursor: cursor() }),
    ({ cursor }) => api.audit.list.query({ tenantId, limit: pageSize, ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    pageNumber: () => cursors().length,
    next() {
      const nextCursor = page()?.nextCursor;
      if (nextCursor) setCursors([...cursors(), nextCursor]);
    },
    previous() {
      if (cursors().length > 1) setCursors(cursors().slice(0, -1));
    },
  };
}
