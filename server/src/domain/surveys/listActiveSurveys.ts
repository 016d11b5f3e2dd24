import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { Db } from "mongodb";
import type { SiteDoc, SurveyDoc } from "../../db/collections.js";
import { listActiveSurveysOfSite } from "../../repositories/surveyRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { matchesPathPrefix } from "./matchesPathPrefix.js";
import type { PublicSurvey } from "./surveyWire.schema.js";

/**
 * The surveys to show on one page of a site, as the recorder needs them. A survey using a field
 * type the site's current policy no longer allows is not shown (its answers would be refused).
 */
export async function listActiveSurveys(db: Db, site: SiteDoc, policy: EffectivePolicy, path: string): Promise<PublicSurvey[]> {
  if (!policy.surveys.enabled) return [];
  const surveys = await listActiveSurveysOfSite(tenantScope(db, site.tenantId), site._id);
  return surveys
    .filter((survey) => matchesPathPrefix(path, survey.display.pathPrefix) && surveyFitsPolicy(survey, policy))
    .map((survey) => toPublicSurvey(survey, policy));
}

export function surveyFitsPolicy(survey: SurveyDoc, policy: EffectivePolicy): boolean {
  return survey.questions.every((question) => policy.surveys.allowedFieldTypes.includes(question.type));
}

/** The longest free-text answer accepted for a question: its own limit, within the policy's. */
export function maxAnswerLengthOf(question: { maxLength: number | null }, policy: EffectivePolicy): number {
  return Math.min(question.maxLength ?? Number.POSITIVE_INFINITY, policy.surveys.maxAnswerLength);
}

function toPublicSurvey(survey: SurveyDoc, policy: EffectivePolicy): PublicSurvey {
  return {
    surveyId: survey._id,
    title: survey.title,
    intro: survey.intro,
    display: survey.display,
    questions: survey.questions.map((question) =>
      question.type === "free-text" ? { ...question, maxLength: maxAnswerLengthOf(question, policy) } : question,
    ),
  };
}
