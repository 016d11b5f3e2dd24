import { MongoServerError, type Filter } from "mongodb";
import { collections, type AuditEntryDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

/** A tenant's log, or the platform's own (tenantId null) for actions that target no tenant. */
export type AuditScope = { readonly db: TenantScope["db"]; readonly tenantId: string | null };

/** The hash chain a scope's entries belong to: one per tenant, one for the platform. */
export function auditChainOf(scope: AuditScope): string {
  return scope.tenantId === null ? "platform" : `tenant:${scope.tenantId}`;
}

/** The newest entry of the scope's chain (highest seq), or null before its first entry. */
export function findAuditChainHead(scope: AuditScope): Promise<AuditEntryDoc | null> {
  return collections(scope.db).auditLog.find({ chain: auditChainOf(scope) }).sort({ seq: -1 }).limit(1).next();
}

export type AuditInsertOutcome = "inserted" | "seq-taken" | "already-recorded";

/**
 * Append-only: this module has no update or delete, and nothing else writes the collection.
 * The unique index on (chain, seq) lets exactly one of several processes claim a sequence
 * number; the loser is told so and links to the new head instead. An entry whose _id is already
 * stored (an idempotent writer running again) is reported as such rather than written twice.
 */
export async function insertAuditEntry(scope: AuditScope, entry: AuditEntryDoc): Promise<AuditInsertOutcome> {
  const auditLog = collections(scope.db).auditLog;
  try {
    await auditLog.insertOne({ ...entry, tenantId: scope.tenantId });
    return "inserted";
  } catch (error) {
    if (!(error instanceof MongoServerError) || error.code !== 11000) throw error;
    // Which unique key clashed: the error's keyPattern is not reported by every server, the _id is.
    return (await auditLog.countDocuments({ _id: entry._id }, { limit: 1 })) > 0 ? "already-recorded" : "seq-taken";
  }
}

/** The scope's chain oldest first, read in batches so a long chain is checked in bounded memory. */
export function streamAuditChain(scope: AuditScope): AsyncIterable<AuditEntryDoc> {
  return collections(scope.db).auditLog.find({ chain: auditChainOf(scope) }).sort({ seq: 1 }).batchSize(500);
}

/** Entries of the scope written before the hash chain existed (no seq): outside the chain by design. */
export function countUnchainedAuditEntries(scope: AuditScope): Promise<number> {
  return collections(scope.db).auditLog.countDocuments({ tenantId: scope.tenantId, seq: { $exists: false } });
}

/** Every chain with at least one entry: the platform's and each tenant's. */
export async function listAuditChains(db: AuditScope["db"]): Promise<AuditScope[]> {
  const tenantIds = (await collections(db).auditLog.distinct("tenantId", { seq: { $exists: true } })) as (string | null)[];
  return tenantIds.map((tenantId) => ({ db, tenantId })).sort((a, b) => auditChainOf(a).localeCompare(auditChainOf(b)));
}

export interface AuditPageCursor {
  at: Date;
  id: string;
}

/** Which entries a page lists; every field is optional and they combine with "and". */
export interface AuditEntryFilter {
  /** The start of the action's name. */
  action?: string | undefined;
  actorType?: AuditEntryDoc["actor"]["type"] | undefined;
  actorId?: string | undefined;
  /** At or after. */
  from?: Date | undefined;
  /** Strictly before. */
  to?: Date | undefined;
}

/** Newest first, keyset-paginated on (at, _id) so pages stay stable while entries arrive. */
export function listAuditEntries(scope: TenantScope, options: { limit: number; before?: AuditPageCursor; filter?: AuditEntryFilter }): Promise<AuditEntryDoc[]> {
  const { before, filter = {} } = options;
  const conditions: Filter<AuditEntryDoc>[] = [{ tenantId: scope.tenantId }];
  // A prefix as a range rather than a regex: no pattern to escape, and it can use an index on action.
  if (filter.action !== undefined) conditions.push({ action: { $gte: filter.action, $lt: `${filter.action}\uffff` } });
  if (filter.actorType !== undefined) conditions.push({ "actor.type": filter.actorType });
  if (filter.actorId !== undefined) conditions.push({ "actor.id": filter.actorId });
  if (filter.from !== undefined) conditions.push({ at: { $gte: filter.from } });
  if (filter.to !== undefined) conditions.push({ at: { $lt: filter.to } });
  if (before) conditions.push({ $or: [{ at: { $lt: before.at } }, { at: before.at, _id: { $lt: before.id } }] });
  return collections(scope.db).auditLog.find({ $and: conditions }).sort({ at: -1, _id: -1 }).limit(options.limit).toArray();
}
