import type { SurveyDoc } from "../../db/collections.js";
import { countResponsesPerSurvey } from "../../repositories/surveyResponseRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { listSurveys } from "./listSurveys.js";

/** The tenant's surveys, newest first, each with how many visitors answered it: what a list of surveys shows. */
export async function listSurveysWithResponses(
  scope: TenantScope,
  options: { siteId?: string | undefined; status?: SurveyDoc["status"] | undefined },
): Promise<{ survey: SurveyDoc; responses: number }[]> {
  const surveys = await listSurveys(scope, options);
  const counts = await countResponsesPerSurvey(
    scope,
    surveys.map((survey) => survey._id),
  );
  return surveys.map((survey) => ({ survey, responses: counts.get(survey._id) ?? 0 }));
}
