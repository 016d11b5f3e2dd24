import type { ErasureDoc } from "../../db/complianceCollections.js";
import { newId } from "../../db/ids.js";
import { insertErasureUnlessActive } from "../../repositories/erasureRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { getSite } from "../sites/getSite.js";
import type { TenantCall } from "../tenantCall.js";
import { maxBatchInFlightMs } from "./batchInFlight.js";
import { noneErased } from "./eraseVisitor.js";
import { visitorKeyOf } from "./visitorId.js";

/**
 * MS-4.1: records a request to erase one visitor of one site, by the visitor id the hosted
 * opt-out page showed them, as a job (workOnErasure carries it out), audited at once without
 * the id. Asking again while an erasure of the same visitor is in progress returns that one.
 * `batchInFlightMs`: this process's bound on a batch in flight (its ingest's), which the job's
 * final pass waits for after the fence.
 */
export async function requestVisitorErasure(
  call: TenantCall,
  input: { siteId: string; visitorId: string; visitorKeySecret: Buffer; batchInFlightMs?: number },
): Promise<{ erasure: ErasureDoc; created: boolean }> {
  const site = await getSite(call.scope, input.siteId);
  const visitorKey = visitorKeyOf(input.visitorKeySecret, site._id, input.visitorId);
  const result = await insertErasureUnlessActive(call.scope, {
    _id: newId("erasure"),
    siteId: site._id,
    siteName: site.name,
    visitorKey,
    state: "requested",
    requestedBy: call.actor,
    requestedAt: call.now,
    batchInFlightMs: input.batchInFlightMs ?? maxBatchInFlightMs,
    fencedAt: null,
    optOut: null,
    finalPassAfter: null,
    finalPassAt: null,
    counts: noneErased(),
    erased: [],
    batch: null,
    lease: null,
    attempts: 0,
    interruptions: [],
    lastFailure: null,
    receipt: null,
    receiptSha256: null,
    doneAt: null,
  });
  if (result.created) await recordAudit(call, "visitor.erase.request", { type: "site", id: site._id }, { erasureId: result.erasure._id });
  return result;
}
