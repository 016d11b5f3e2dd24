import type { Db } from "mongodb";
import { step } from "../../../pipeline/pipeline.js";
import { ok, reject } from "../../../pipeline/stepResult.js";
import { findSurvey } from "../../../repositories/surveyRepository.js";
import { tenantScope } from "../../../repositories/tenantScope.js";
import { surveyFitsPolicy } from "../listActiveSurveys.js";
import { surveyRunsAt } from "../surveyRunsAt.js";
import type { ClearedAnswers, SurveyAnswers } from "./answerStages.js";

/**
 * The survey answered must be an active survey of this very site, within its dates when the
 * answers arrive, allowed by the site's current policy (MS-1.13). A draft takes no answers.
 */
export function findActiveSurveyStep(db: Db) {
  return step<ClearedAnswers, SurveyAnswers>("findActiveSurvey", async (submission) => {
    const { site, policy, payload } = submission;
    if (!policy.surveys.enabled) {
      return reject({ code: "FORBIDDEN", message: `surveys are not enabled by this site's policy (${policy.policyId} v${policy.policyVersion})` });
    }
    const survey = await findSurvey(tenantScope(db, site.tenantId), payload.surveyId);
    if (!survey || survey.siteId !== site._id || !surveyRunsAt(survey, submission.receivedAt)) return reject({ code: "BAD_INPUT", message: "surveyId: no active survey of this site has this id", field: "surveyId" });
    if (!surveyFitsPolicy(survey, policy)) {
      return reject({ code: "BAD_INPUT", message: "surveyId: this survey uses a field type the site's policy no longer allows", field: "surveyId" });
    }
    return ok({ ...submission, survey });
  });
}
