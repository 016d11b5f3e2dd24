import { decideRecording } from "@mousetrail/policies/enforce/decideRecording";
import { step } from "../../../pipeline/pipeline.js";
import { drop, ok } from "../../../pipeline/stepResult.js";
import type { SiteAnswers } from "./answerStages.js";

/**
 * MS-4.2, as for recordings and with the same rule: where the site requires consent, answers
 * without it are dropped unstored, and so are answers sent with `Sec-GPC: 1` or `DNT: 1` where
 * the policy honours them (the opt-out is answerOptOutStep's).
 */
export const answerConsentStep = step<SiteAnswers, SiteAnswers>("answerConsent", (submission) => {
  const decision = decideRecording(submission.policy, {
    optedOut: false,
    globalPrivacyControl: submission.browserSignals?.globalPrivacyControl === true,
    doNotTrack: submission.browserSignals?.doNotTrack === true,
    consent: submission.payload.consent === "granted" ? "given" : "unanswered",
  });
  if (decision.record) return ok(submission);
  return drop(decision.reason === "awaiting-consent" ? "consent-missing" : decision.reason);
});
