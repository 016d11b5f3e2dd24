import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { Db } from "mongodb";
import type { SiteDoc, SurveyDoc } from "../../db/collections.js";
import { listActiveSurveysOfSite } from "../../repositories/surveyRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { matchesPathPrefix } from "./matchesPathPrefix.js";
import { everyPageView, surveyRunsAt } from "./surveyRunsAt.js";
import type { PublicSurvey } from "./surveyWire.schema.js";

/**
 * The surveys to show on one page of a site at `now`, as the page needs them: active and within
 * their dates. A survey using a field type the site's current policy no longer allows is not
 * shown (its answers would be refused). Sampling is the page's to apply, per page view.
 */
export async function listActiveSurveys(db: Db, site: SiteDoc, policy: EffectivePolicy, path: string, now: Date): Promise<PublicSurvey[]> {
  if (!policy.surveys.enabled) return [];
  const surveys = await listActiveSurveysOfSite(tenantScope(db, site.tenantId), site._id);
  return surveys
    .filter((survey) => surveyRunsAt(survey, now) && matchesPathPrefix(path, survey.display.pathPrefix) && surveyFitsPolicy(survey, policy))
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
    // The dates stay on the server, which applies them; the page gets what it applies itself.
    display: { pathPrefix: survey.display.pathPrefix, delaySeconds: survey.display.delaySeconds, samplePercent: survey.display.samplePercent ?? everyPageView },
    questions: survey.questions.map((question) =>
      question.type === "free-text" ? { ...question, maxLength: maxAnswerLengthOf(question, policy) } : question,
    ),
  };
}
