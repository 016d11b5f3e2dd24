import type { ComplaintStatus } from "../../db/collections.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { complaintQueuePage, type ComplaintPage } from "./complaintQueuePage.js";

/** MS-4.3: the tenant's complaint queue for its compliance officers, newest first. */
export function listComplaints(
  scope: TenantScope,
  options: { status?: ComplaintStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<ComplaintPage> {
  return complaintQueuePage(scope.db, scope.tenantId, options);
}
