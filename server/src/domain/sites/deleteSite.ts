import { notFound } from "../../errors/appError.js";
import { deleteSite as deleteSiteDoc, findSite } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { siteChanged } from "./siteDirectory.js";

export async function deleteSite(call: TenantCall, siteId: string): Promise<void> {
  const site = await findSite(call.scope, siteId);
  if (!site || !(await deleteSiteDoc(call.scope, siteId))) throw notFound("Site");
  siteChanged(site.siteKey);
  await recordAudit(call, "site.delete", { type: "site", id: siteId });
}
