import type { SurveyDoc } from "../../db/collections.js";

/**
 * Whether a survey is shown and takes answers at `now`: active (not a draft, not archived) and
 * within its dates, `startsAt` included and `endsAt` excluded; a missing date is open-ended.
 */
export function surveyRunsAt(survey: Pick<SurveyDoc, "status" | "display">, now: Date): boolean {
  if (survey.status !== "active") return false;
  const { startsAt, endsAt } = survey.display;
  if (startsAt && now.getTime() < startsAt.getTime()) return false;
  if (endsAt && now.getTime() >= endsAt.getTime()) return false;
  return true;
}

/** Shown to this share of page views when the survey does not say (surveys stored before sampling existed). */
export const everyPageView = 100;
