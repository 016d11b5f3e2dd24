import { collections, type AuditEntryDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

/** A tenant's log, or the platform's own (tenantId null) for actions that target no tenant. */
export type AuditScope = { readonly db: TenantScope["db"]; readonly tenantId: string | null };

/** Append-only: this module has no update or delete, and nothing else writes the collection. */
export async function appendAuditEntry(scope: AuditScope, entry: Omit<AuditEntryDoc, "tenantId">): Promise<void> {
  await collections(scope.db).auditLog.insertOne({ ...entry, tenantId: scope.tenantId });
}

export interface AuditPageCursor {
  at: Date;
  id: string;
}

/** Newest first, keyset-paginated on (at, _id) so pages stay stable while entries arrive. */
export function listAuditEntries(scope: TenantScope, options: { limit: number; before?: AuditPageCursor }): Promise<AuditEntryDoc[]> {
  const before = options.before;
  const filter = before
    ? {
        tenantId: scope.tenantId,
        $or: [{ at: { $lt: before.at } }, { at: before.at, _id: { $lt: before.id } }],
      }
    : { tenantId: scope.tenantId };
  return collections(scope.db).auditLog.find(filter).sort({ at: -1, _id: -1 }).limit(options.limit).toArray();
}
