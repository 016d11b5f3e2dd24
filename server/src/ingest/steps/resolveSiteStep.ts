import type { SiteBatch, ValidBatch } from "../batchStages.js";
import { step } from "../pipeline/pipeline.js";
import { ok, reject } from "../pipeline/stepResult.js";
import type { SiteDirectory } from "../siteDirectory.js";
import { siteScopedKey } from "../siteScopedKey.js";

/**
 * MS-2.1: only registered sites, and only from their allowed origins. A batch without an
 * Origin header did not come from a browser page and is refused too.
 */
export function resolveSiteStep(directory: SiteDirectory, visitorKeySecret: Buffer) {
  return step<ValidBatch, SiteBatch>("resolveSite", async (batch) => {
    const resolved = await directory.lookup(batch.payload.siteKey);
    if (!resolved) return reject({ status: 403, message: "siteKey: no site has this key", field: "siteKey" });
    if (!batch.origin || !resolved.site.allowedOrigins.includes(batch.origin)) {
      return reject({ status: 403, message: `origin ${batch.origin ?? "(none)"} is not an allowed origin of this site` });
    }
    const siteId = resolved.site._id;
    return ok({
      ...batch,
      ...resolved,
      sessionKey: siteScopedKey(visitorKeySecret, siteId, batch.payload.sessionId),
      visitorKey: siteScopedKey(visitorKeySecret, siteId, batch.payload.visitorId),
    });
  });
}
