import type { SurveyDoc } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { insertSurvey } from "../../repositories/surveyRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { effectivePolicyOfSite } from "../privacy/effectivePolicyOfSite.js";
import { getSite } from "../sites/getSite.js";
import type { TenantCall } from "../tenantCall.js";
import { assertSurveyAllowed } from "./assertSurveyAllowed.js";
import { withQuestionIds, type SurveyDefinition } from "./surveyDefinition.js";

/**
 * A new survey on one of the tenant's sites (MS-1.13: checked against the site's policy), active
 * at once or a draft shown to nobody until activated.
 */
export async function createSurvey(call: TenantCall, siteId: string, definition: SurveyDefinition, status: "draft" | "active" = "active"): Promise<SurveyDoc> {
  const site = await getSite(call.scope, siteId);
  assertSurveyAllowed(definition, await effectivePolicyOfSite(call.scope.db, site));
  const survey = await insertSurvey(call.scope, {
    _id: newId("survey"),
    siteId,
    title: definition.title,
    intro: definition.intro,
    questions: withQuestionIds(definition.questions),
    display: definition.display,
    status,
    createdAt: call.now,
    updatedAt: call.now,
    archivedAt: null,
  });
  await recordAudit(call, "survey.create", { type: "survey", id: survey._id }, { siteId, questionCount: survey.questions.length, status });
  return survey;
}
