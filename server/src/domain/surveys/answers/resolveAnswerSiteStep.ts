import { step } from "../../../ingest/pipeline/pipeline.js";
import { ok } from "../../../ingest/pipeline/stepResult.js";
import { resolveSiteForOrigin } from "../../../ingest/resolveSiteForOrigin.js";
import type { SiteDirectory } from "../../../ingest/siteDirectory.js";
import { siteScopedKey } from "../../../ingest/siteScopedKey.js";
import type { SiteAnswers, ValidAnswers } from "./answerStages.js";

/**
 * MS-2.1, as for recordings (see ingest/resolveSiteForOrigin.ts). The visitor id, if sent, is
 * keyed to the site here (MS-2.3) and only that key goes further.
 */
export function resolveAnswerSiteStep(directory: SiteDirectory, visitorKeySecret: Buffer) {
  return step<ValidAnswers, SiteAnswers>("resolveAnswerSite", async (submission) => {
    const resolved = await resolveSiteForOrigin(directory, submission.payload.siteKey, submission.origin);
    if (resolved.kind !== "ok") return resolved;
    const visitorId = submission.payload.visitorId;
    return ok({ ...submission, ...resolved.value, visitorKey: visitorId ? siteScopedKey(visitorKeySecret, resolved.value.site._id, visitorId) : null });
  });
}
