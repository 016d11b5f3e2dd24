import type { SurveyDoc } from "../../db/collections.js";
import { AppError, notFound } from "../../errors/appError.js";
import { surveyHasResponses } from "../../repositories/surveyResponseRepository.js";
import { findSurvey, updateSurvey as updateSurveyDoc } from "../../repositories/surveyRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { effectivePolicyOfSite } from "../privacy/effectivePolicyOfSite.js";
import { getSite } from "../sites/getSite.js";
import type { TenantCall } from "../tenantCall.js";
import { assertSurveyAllowed } from "./assertSurveyAllowed.js";
import { getSurvey } from "./getSurvey.js";
import { sameQuestions, withQuestionIds, type SurveyDefinition } from "./surveyDefinition.js";

/**
 * Changes an active survey. Its questions can change only until the first response arrives:
 * afterwards its results would mix answers to different questions, so the tenant archives it
 * and creates a new one. Sending the questions unchanged (as a form does) is not a change.
 */
export async function updateSurvey(call: TenantCall, surveyId: string, changes: Partial<SurveyDefinition>): Promise<SurveyDoc> {
  const survey = await getSurvey(call.scope, surveyId);
  if (survey.status === "archived") {
    throw new AppError("CONFLICT", { userMessage: "This survey is archived and can no longer change; create a new survey instead" });
  }
  const site = await getSite(call.scope, survey.siteId);
  assertSurveyAllowed(changes, await effectivePolicyOfSite(call.scope.db, site));

  const questionsChange = changes.questions && !sameQuestions(survey.questions, changes.questions) ? changes.questions : undefined;
  if (questionsChange && (await surveyHasResponses(call.scope, surveyId))) {
    throw new AppError("CONFLICT", {
      userMessage:
        "questions: this survey already has responses, so its questions can no longer change (its results would mix answers to different questions); archive it and create a new survey",
      field: "questions",
    });
  }
  const set = {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(changes.intro !== undefined ? { intro: changes.intro } : {}),
    ...(changes.display !== undefined ? { display: changes.display } : {}),
    ...(questionsChange ? { questions: withQuestionIds(questionsChange) } : {}),
  };
  const updated = await updateSurveyDoc(call.scope, surveyId, survey, set, call.now);
  if (!updated) {
    if (!(await findSurvey(call.scope, surveyId))) throw notFound("Survey");
    throw new AppError("CONFLICT", { userMessage: "The survey was changed by someone else meanwhile; reload it and try again" });
  }
  await recordAudit(call, "survey.update", { type: "survey", id: surveyId }, { changed: Object.keys(set) });
  return updated;
}
