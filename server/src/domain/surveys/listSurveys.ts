import type { SurveyDoc } from "../../db/collections.js";
import { listSurveys as listSurveyDocs } from "../../repositories/surveyRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";

/** The tenant's surveys, newest first; a site of another tenant is NOT_FOUND rather than an empty list. */
export async function listSurveys(scope: TenantScope, options: { siteId?: string | undefined; status?: SurveyDoc["status"] | undefined }): Promise<SurveyDoc[]> {
  if (options.siteId) await getSite(scope, options.siteId);
  return listSurveyDocs(scope, options);
}
