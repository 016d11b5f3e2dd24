import { step } from "../../../ingest/pipeline/pipeline.js";
import { ok, reject } from "../../../ingest/pipeline/stepResult.js";
import type { SiteDirectory } from "../../../ingest/siteDirectory.js";
import { siteScopedKey } from "../../../ingest/siteScopedKey.js";
import type { SiteAnswers, ValidAnswers } from "./answerStages.js";

/**
 * MS-2.1, as for recordings (ingest/steps/resolveSiteStep.ts): only registered sites, and only
 * from their allowed origins; a submission without an Origin header is refused. The visitor id,
 * if sent, is keyed to the site here (MS-2.3) and only that key goes further.
 */
export function resolveAnswerSiteStep(directory: SiteDirectory, visitorKeySecret: Buffer) {
  return step<ValidAnswers, SiteAnswers>("resolveAnswerSite", async (submission) => {
    const resolved = await directory.lookup(submission.payload.siteKey);
    if (!resolved) return reject({ status: 403, message: "siteKey: no site has this key", field: "siteKey" });
    if (!submission.origin || !resolved.site.allowedOrigins.includes(submission.origin)) {
      return reject({ status: 403, message: `origin ${submission.origin ?? "(none)"} is not an allowed origin of this site` });
    }
    const visitorId = submission.payload.visitorId;
    return ok({ ...submission, ...resolved, visitorKey: visitorId ? siteScopedKey(visitorKeySecret, resolved.site._id, visitorId) : null });
  });
}
