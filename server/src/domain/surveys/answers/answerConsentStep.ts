import { step } from "../../../pipeline/pipeline.js";
import { drop, ok } from "../../../pipeline/stepResult.js";
import type { SiteAnswers } from "./answerStages.js";

/** MS-4.2, as for recordings: where the site requires consent, answers without it are dropped unstored. */
export const answerConsentStep = step<SiteAnswers, SiteAnswers>("answerConsent", (submission) =>
  submission.policy.consent.mode === "required" && submission.payload.consent !== "granted" ? drop("consent-missing") : ok(submission),
);
