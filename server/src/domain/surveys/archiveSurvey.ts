import type { SurveyDoc } from "../../db/collections.js";
import { AppError, notFound } from "../../errors/appError.js";
import { findSurvey, updateSurvey } from "../../repositories/surveyRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import { getSurvey } from "./getSurvey.js";

/** Stops showing a survey and accepting answers to it; its results stay readable. Archiving twice changes nothing. */
export async function archiveSurvey(call: TenantCall, surveyId: string): Promise<SurveyDoc> {
  const survey = await getSurvey(call.scope, surveyId);
  if (survey.status === "archived") return survey;
  const archived = await updateSurvey(call.scope, surveyId, survey, { status: "archived", archivedAt: call.now }, call.now);
  if (!archived) {
    if (!(await findSurvey(call.scope, surveyId))) throw notFound("Survey");
    throw new AppError("CONFLICT", { userMessage: "The survey was changed by someone else meanwhile; reload it and try again" });
  }
  await recordAudit(call, "survey.archive", { type: "survey", id: surveyId });
  return archived;
}
