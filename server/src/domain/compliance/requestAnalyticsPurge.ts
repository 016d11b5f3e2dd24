import type { Db } from "mongodb";
import type { AuditActor } from "../../db/collections.js";
import type { PurgeDoc } from "../../db/complianceCollections.js";
import { newId } from "../../db/ids.js";
import { appendAuditEntry } from "../audit/appendAuditEntry.js";
import { insertPurgeUnlessActive } from "../../repositories/purgeRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";
import { purgeFenceChanged } from "./purgeFenceChanged.js";
import { getTenant } from "../tenants/getTenant.js";

export interface PurgeRequest {
  tenantId: string;
  /** null: every site of the tenant. */
  siteId: string | null;
  requestedBy: AuditActor;
  requestedVia: "tenant" | "platform";
  reason: string;
  now: Date;
}

/**
 * MS-1.7: records a request to remove a tenant's analytics (or one site's) as a pending purge,
 * audited in the tenant's log and the platform's. Asking again while a purge of the same scope
 * is in progress returns that purge instead of starting a second one.
 */
export async function requestAnalyticsPurge(db: Db, request: PurgeRequest): Promise<{ purge: PurgeDoc; created: boolean }> {
  const scope = tenantScope(db, request.tenantId);
  const tenant = await getTenant(scope);
  const site = request.siteId ? await getSite(scope, request.siteId) : null;
  const result = await insertPurgeUnlessActive(scope, {
    _id: newId("purge"),
    siteId: site?._id ?? null,
    subject: { tenantName: tenant.name, siteName: site?.name ?? null },
    state: "pending",
    requestedBy: request.requestedBy,
    requestedVia: request.requestedVia,
    reason: request.reason,
    requestedAt: request.now,
    startedAt: null,
    collections: {},
    batch: null,
    lease: null,
    attempts: 0,
    lastInterruption: null,
    interruptions: [],
    receipt: null,
    receiptSha256: null,
    doneAt: null,
  });
  if (result.created) {
    await purgeFenceChanged(scope, result.purge.siteId);
    const entry = {
      at: request.now,
      actor: request.requestedBy,
      action: "analytics.purge.request",
      details: { purgeId: result.purge._id, siteId: result.purge.siteId, via: request.requestedVia, reason: request.reason },
    };
    await appendAuditEntry(scope, { ...entry, _id: newId("audit"), target: site ? { type: "site", id: site._id } : { type: "tenant", id: tenant._id } });
    await appendAuditEntry({ db, tenantId: null }, { ...entry, _id: newId("audit"), target: { type: "tenant", id: tenant._id } });
  }
  return result;
}
