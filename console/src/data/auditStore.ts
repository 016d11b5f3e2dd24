import type { MousetrailClient, RouterInputs, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, createSignal } from "solid-js";

export type AuditEntry = RouterOutputs["audit"]["list"]["entries"][number];

export interface AuditFilter {
  /** The start of the action's name, e.g. `site.` or `apiKey.create`. */
  action: string;
  actorType: "" | AuditEntry["actor"]["type"];
  /** One actor's id (`usr_…`, `key_…`), as the log shows it. */
  actorId: string;
  /** Days as the date inputs give them (`2026-03-01`), in the viewer's time zone; "" for open-ended. */
  fromDay: string;
  toDay: string;
}

export const noAuditFilter: AuditFilter = { action: "", actorType: "", actorId: "", fromDay: "", toDay: "" };

type AuditQueryFilter = Omit<RouterInputs["audit"]["list"], "tenantId" | "limit" | "cursor">;

/**
 * The filter as the server takes it: empty fields left out, days turned into a range from the start
 * of the first day to the end of the last one (the server's `to` is exclusive).
 */
export function auditQueryFilter(filter: AuditFilter): AuditQueryFilter {
  const query: AuditQueryFilter = {};
  const action = filter.action.trim();
  if (action !== "") query.action = action;
  if (filter.actorType !== "") query.actorType = filter.actorType;
  const actorId = filter.actorId.trim();
  if (actorId !== "") query.actorId = actorId;
  if (filter.fromDay !== "") query.from = startOfLocalDay(filter.fromDay, 0).toISOString();
  if (filter.toDay !== "") query.to = startOfLocalDay(filter.toDay, 1).toISOString();
  return query;
}

function startOfLocalDay(day: string, plusDays: number): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date + plusDays);
}

/**
 * The audit log, newest first, a page at a time, filtered by the server: `next()` follows the
 * cursor, `previous()` goes back, and a new filter starts again from the newest page.
 */
export function createAuditStore(api: MousetrailClient, tenantId: string, pageSize = 50) {
  const [filter, setFilterSignal] = createSignal<AuditFilter>(noAuditFilter);
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const cursor = () => cursors()[cursors().length - 1];
  const [page] = createResource(
    () => ({ cursor: cursor(), query: auditQueryFilter(filter()) }),
    ({ cursor, query }) => api.audit.list.query({ tenantId, limit: pageSize, ...query, ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    filter,
    setFilter(next: AuditFilter) {
      setCursors([undefined]);
      setFilterSignal(next);
    },
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
