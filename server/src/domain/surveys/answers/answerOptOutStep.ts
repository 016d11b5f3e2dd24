import type { Db } from "mongodb";
import { step } from "../../../pipeline/pipeline.js";
import { drop, ok } from "../../../pipeline/stepResult.js";
import { isOptedOut } from "../../compliance/optOutCheck.js";
import type { ClearedAnswers, SiteAnswers } from "./answerStages.js";

/** MS-4.1, as for recordings: nothing from a visitor who opted out of this site is stored. */
export function answerOptOutStep(db: Db, now: () => Date = () => new Date()) {
  return step<SiteAnswers, ClearedAnswers>("answerOptOut", async (submission) => {
    const optOutCheckedAt = now();
    if (!submission.visitorKey) return ok({ ...submission, optOutCheckedAt });
    const optedOut = await isOptedOut(db, { tenantId: submission.site.tenantId, siteId: submission.site._id, visitorKey: submission.visitorKey });
    return optedOut ? drop("opted-out") : ok({ ...submission, optOutCheckedAt });
  });
}
