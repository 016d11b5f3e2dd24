import type { AuditActor } from "../../db/collections.js";
import { upsertOptOut } from "../../repositories/optOutRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { visitorKeyOf } from "./visitorId.js";

/** Who the audit log names for an opt-out: the visitor is anonymous, the hosted page acted for them. */
export const hostedOptOutPageActor: AuditActor = { type: "system", id: "hosted-opt-out-page" };

/**
 * MS-4.1: a visitor excludes themselves from recording on one site. Stored by site-scoped key
 * only; ingestion's optOutStep drops every later batch carrying that key. Idempotent: asking
 * again changes nothing and is not audited again. The audit entry names the site and nothing
 * about the visitor (no id, no key, no address).
 */
export async function recordVisitorOptOut(
  call: TenantCall,
  input: { siteId: string; visitorId: string; visitorKeySecret: Buffer },
): Promise<{ newlyRecorded: boolean }> {
  const visitorKey = visitorKeyOf(input.visitorKeySecret, input.siteId, input.visitorId);
  const newlyRecorded = await upsertOptOut(call.scope, { siteId: input.siteId, visitorKey, at: call.now });
  if (newlyRecorded) await recordAudit(call, "visitor.optOut", { type: "site", id: input.siteId });
  return { newlyRecorded };
}
