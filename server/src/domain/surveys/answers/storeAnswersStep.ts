import type { Db } from "mongodb";
import { step } from "../../../pipeline/pipeline.js";
import { ok } from "../../../pipeline/stepResult.js";
import { recordViolations } from "../../../repositories/piiViolationRepository.js";
import { insertSurveyResponse } from "../../../repositories/surveyResponseRepository.js";
import { tenantScope } from "../../../repositories/tenantScope.js";
import type { RedactedAnswers, StoredAnswers } from "./answerStages.js";

/**
 * Stores the response: the commit point. Violations are written first (idempotently, keyed by
 * the response id) so a stored response always has its violations on record; a replayed
 * submission hits the response's unique key and is reported as a duplicate.
 */
export function storeAnswersStep(db: Db) {
  return step<RedactedAnswers, StoredAnswers>("storeAnswers", async (submission) => {
    const { site, payload, receivedAt } = submission;
    const scope = tenantScope(db, site.tenantId);
    await recordViolations(
      scope,
      submission.violations.map((violation, index) => ({
        siteId: site._id,
        source: "survey" as const,
        sessionKey: "",
        pageId: "",
        seq: 0,
        surveyResponseId: payload.responseId,
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
