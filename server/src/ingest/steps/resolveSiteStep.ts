import type { SiteBatch, ValidBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok, reject } from "../../pipeline/stepResult.js";
import { resolveSiteForOrigin } from "../../domain/sites/resolveSiteForOrigin.js";
import type { SiteDirectory } from "../../domain/sites/siteDirectory.js";
import { siteScopedKey } from "../../domain/sites/siteScopedKey.js";

/** MS-2.1 (see resolveSiteForOrigin), then the recorder's ids keyed to the site (MS-2.3). */
export function resolveSiteStep(directory: SiteDirectory, visitorKeySecret: Buffer) {
  return step<ValidBatch, SiteBatch>("resolveSite", async (batch) => {
    const resolved = await resolveSiteForOrigin(directory, batch.payload.siteKey, batch.origin);
    if (resolved.kind !== "ok") return reject(resolved.refusal);
    const siteId = resolved.value.site._id;
    return ok({
      ...batch,
      ...resolved.value,
      sessionKey: siteScopedKey(visitorKeySecret, siteId, batch.payload.sessionId),
      visitorKey: siteScopedKey(visitorKeySecret, siteId, batch.payload.visitorId),
    });
  });
}
