import type { AuditEntryDoc } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
import { listAuditEntries, type AuditEntryFilter } from "../../repositories/auditLogRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

export interface AuditLogPage {
  entries: AuditEntryDoc[];
  nextCursor: string | null;
}

/** One page of the tenant's log, newest first; the filter is applied in the query, so every page is full. */
export async function listAuditLog(scope: TenantScope, options: { limit: number; cursor?: string | undefined; filter?: AuditEntryFilter }): Promise<AuditLogPage> {
  const filter = options.filter ?? {};
  if (filter.from && filter.to && filter.from.getTime() >= filter.to.getTime()) {
    throw new AppError("BAD_INPUT", { userMessage: "to: must be later than from", field: "to" });
  }
  const before = options.cursor ? decodeCursor(options.cursor) : undefined;
  const entries = await listAuditEntries(scope, { limit: options.limit + 1, filter, ...(before ? { before } : {}) });
  const page = entries.slice(0, options.limit);
  const last = page.at(-1);
  return {
    entries: page,
    nextCursor: entries.length > options.limit && last ? encodeCursor(last.at, last._id) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string") return { at: new Date(time), id };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" });
}
