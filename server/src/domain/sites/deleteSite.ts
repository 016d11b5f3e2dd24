import { notFound } from "../../errors/appError.js";
import { deleteSite as deleteSiteDoc } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

export async function deleteSite(call: TenantCall, siteId: string): Promise<void> {
  if (!(await deleteSiteDoc(call.scope, siteId))) throw notFound("Site");
  await recordAudit(call, "site.delete", { type: "site", id: siteId });
}
