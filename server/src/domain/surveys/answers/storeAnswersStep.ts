import type { Db } from "mongodb";
import { step } from "../../../pipeline/pipeline.js";
import { drop, ok, reject } from "../../../pipeline/stepResult.js";
import { maxBatchInFlightMs, stillInFlight } from "../../compliance/batchInFlight.js";
import { isOptedOut } from "../../compliance/optOutCheck.js";
import { recordViolations } from "../../../repositories/piiViolationRepository.js";
import { insertSurveyResponse } from "../../../repositories/surveyResponseRepository.js";
import { tenantScope } from "../../../repositories/tenantScope.js";
import type { RedactedAnswers, StoredAnswers } from "./answerStages.js";

/**
 * Stores the response: the commit point. Violations are written first (idempotently, keyed by
 * the response id) so a stored response always has its violations on record; a replayed
 * submission hits the response's unique key and is reported as a duplicate.
 */
export function storeAnswersStep(db: Db, now: () => Date = () => new Date(), batchInFlightMs = maxBatchInFlightMs) {
  return step<RedactedAnswers, StoredAnswers>("storeAnswers", async (submission) => {
    const { site, payload, receivedAt } = submission;
    const scope = tenantScope(db, site.tenantId);
    // The erasure fence, as in storeBatchStep: checked again just before writing, within the in-flight bound.
    if (submission.visitorKey && (await isOptedOut(db, { tenantId: site.tenantId, siteId: site._id, visitorKey: submission.visitorKey }))) return drop("opted-out");
    if (!stillInFlight(submission.optOutCheckedAt, now(), batchInFlightMs)) {
      return reject({ code: "UNAVAILABLE", message: `answers: not stored within ${batchInFlightMs} ms of their opt-out check (the server is overloaded): send them again` });
    }
    await recordViolations(
      scope,
      submission.violations.map((violation, index) => ({
        siteId: site._id,
        source: "survey" as const,
        sessionKey: "",
        pageId: "",
        seq: 0,
        surveyResponseId: payload.responseId,
        visitorKey: submission.visitorKey,
        index,
        ...violation,
        detectedAt: receivedAt,
      })),
    );
    const outcome = await insertSurveyResponse(scope, {
      siteId: site._id,
      surveyId: submission.survey._id,
      responseId: payload.responseId,
      visitorKey: submission.visitorKey,
      receivedAt,
      answers: submission.answers,
      hasFreeText: submission.answers.some((answer) => answer.text !== undefined),
      policy: { id: submission.policy.policyId, version: submission.policy.policyVersion },
      violationCount: submission.violations.length,
    });
    return ok({ ...submission, duplicate: outcome === "duplicate" });
  });
}
