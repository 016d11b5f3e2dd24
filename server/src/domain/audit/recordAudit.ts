import { newId } from "../../db/ids.js";
import type { TenantCall } from "../tenantCall.js";
import { appendAuditEntry } from "./appendAuditEntry.js";

/** MS-3.3: administrative and compliance actions are written to the tenant's append-only log. */
export async function recordAudit(
  call: TenantCall,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  await appendAuditEntry(call.scope, { _id: newId("audit"), at: call.now, actor: call.actor, action, target, details });
}
