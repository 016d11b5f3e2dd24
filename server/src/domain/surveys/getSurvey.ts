import type { SurveyDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { findSurvey } from "../../repositories/surveyRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

export async function getSurvey(scope: TenantScope, surveyId: string): Promise<SurveyDoc> {
  const survey = await findSurvey(scope, surveyId);
  if (!survey) throw notFound("Survey");
  return survey;
}
