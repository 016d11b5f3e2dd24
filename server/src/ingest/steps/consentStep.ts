import { decideRecording } from "@mousetrail/policies/enforce/decideRecording";
import type { SiteBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { drop, ok } from "../../pipeline/stepResult.js";

/**
 * MS-4.2: the server asks again, for every batch, the question the recorder asked before it
 * started, with the same rule. The browser's Global Privacy Control and Do Not Track count when
 * either the batch says so or the request carries `Sec-GPC: 1`/`DNT: 1` (which a recorder cannot
 * take off), so a batch from a recorder that ignored them is refused unstored, with its own reason;
 * where the site requires consent, a batch without it is refused too. The opt-out cookie is not
 * sent with batches: storeBatchStep checks the stored opt-outs instead (MS-4.1).
 */
export const consentStep = step<SiteBatch, SiteBatch>("consent", (batch) => {
  const declared = batch.payload.privacySignals;
  const decision = decideRecording(batch.policy, {
    optedOut: false,
    globalPrivacyControl: declared?.globalPrivacyControl === true || batch.browserSignals?.globalPrivacyControl === true,
    doNotTrack: declared?.doNotTrack === true || batch.browserSignals?.doNotTrack === true,
    consent: batch.payload.consent === "granted" ? "given" : "unanswered",
  });
  if (decision.record) return ok(batch);
  return drop(decision.reason === "awaiting-consent" ? "consent-missing" : decision.reason);
});
