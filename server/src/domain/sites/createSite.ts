import type { SiteDoc } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { insertSite } from "../../repositories/siteRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { defaultSitePrivacy } from "../privacy/defaultSitePrivacy.js";
import { defaultSiteTimeZone } from "./siteDay.js";
import { newSiteKey } from "./siteKey.js";

export async function createSite(call: TenantCall, input: { name: string; allowedOrigins: string[]; timeZone?: string | undefined }): Promise<SiteDoc> {
  const site = await insertSite(call.scope, {
    _id: newId("site"),
    name: input.name,
    allowedOrigins: [...new Set(input.allowedOrigins)],
    siteKey: newSiteKey(),
    privacy: await defaultSitePrivacy(call.scope.db),
    timeZone: input.timeZone ?? defaultSiteTimeZone,
    createdAt: call.now,
    updatedAt: call.now,
  });
  await recordAudit(call, "site.create", { type: "site", id: site._id }, { name: site.name, allowedOrigins: site.allowedOrigins, timeZone: site.timeZone });
  return site;
}
