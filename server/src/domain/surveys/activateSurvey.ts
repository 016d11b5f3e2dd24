import type { SurveyDoc } from "../../db/collections.js";
import { AppError, notFound } from "../../errors/appError.js";
import { findSurvey, updateSurvey } from "../../repositories/surveyRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { effectivePolicyOfSite } from "../privacy/effectivePolicyOfSite.js";
import { getSite } from "../sites/getSite.js";
import type { TenantCall } from "../tenantCall.js";
import { assertSurveyAllowed } from "./assertSurveyAllowed.js";
import { getSurvey } from "./getSurvey.js";

/**
 * Starts showing a draft (within its dates) and accepting answers to it. It is checked against
 * the site's policy as it is now (MS-1.13), which may have changed since the draft was saved.
 * Activating an active survey changes nothing; an archived one stays archived.
 */
export async function activateSurvey(call: TenantCall, surveyId: string): Promise<SurveyDoc> {
  const survey = await getSurvey(call.scope, surveyId);
  if (survey.status === "active") return survey;
  if (survey.status === "archived") {
    throw new AppError("CONFLICT", { userMessage: "This survey is archived and cannot be activated again; create a new survey instead" });
  }
  assertSurveyAllowed(survey, await effectivePolicyOfSite(call.scope.db, await getSite(call.scope, survey.siteId)));
  const activated = await updateSurvey(call.scope, surveyId, survey, { status: "active" }, call.now);
  if (!activated) {
    if (!(await findSurvey(call.scope, surveyId))) throw notFound("Survey");
    throw new AppError("CONFLICT", { userMessage: "The survey was changed by someone else meanwhile; reload it and try again" });
  }
  await recordAudit(call, "survey.activate", { type: "survey", id: surveyId });
  return activated;
}
