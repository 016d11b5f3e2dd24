import { step } from "../../../pipeline/pipeline.js";
import { ok, reject } from "../../../pipeline/stepResult.js";
import { resolveSiteForOrigin } from "../../sites/resolveSiteForOrigin.js";
import type { SiteDirectory } from "../../sites/siteDirectory.js";
import { siteScopedKey } from "../../sites/siteScopedKey.js";
import type { SiteAnswers, ValidAnswers } from "./answerStages.js";

/**
 * MS-2.1, as for recordings (see domain/sites/resolveSiteForOrigin.ts). The visitor id, if sent, is
 * keyed to the site here (MS-2.3) and only that key goes further.
 */
export function resolveAnswerSiteStep(directory: SiteDirectory, visitorKeySecret: Buffer) {
  return step<ValidAnswers, SiteAnswers>("resolveAnswerSite", async (submission) => {
    const resolved = await resolveSiteForOrigin(directory, submission.payload.siteKey, submission.origin);
    if (resolved.kind !== "ok") return reject(resolved.refusal);
    const visitorId = submission.payload.visitorId;
    return ok({ ...submission, ...resolved.value, visitorKey: visitorId ? siteScopedKey(visitorKeySecret, resolved.value.site._id, visitorId) : null });
  });
}
