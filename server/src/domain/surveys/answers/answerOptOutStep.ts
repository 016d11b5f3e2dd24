import type { Db } from "mongodb";
import { step } from "../../../pipeline/pipeline.js";
import { drop, ok } from "../../../pipeline/stepResult.js";
import { isOptedOut } from "../../compliance/optOutCheck.js";
import type { SiteAnswers } from "./answerStages.js";

/** MS-4.1, as for recordings: nothing from a visitor who opted out of this site is stored. */
export function answerOptOutStep(db: Db) {
  return step<SiteAnswers, SiteAnswers>("answerOptOut", async (submission) => {
    if (!submission.visitorKey) return ok(submission);
    const optedOut = await isOptedOut(db, { tenantId: submission.site.tenantId, siteId: submission.site._id, visitorKey: submission.visitorKey });
    return optedOut ? drop("opted-out") : ok(submission);
  });
}
