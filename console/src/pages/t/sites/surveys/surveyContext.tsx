import { createContext, useContext } from "solid-js";
import type { Survey } from "../../../../data/surveyForm.js";
import type { SurveyStore } from "../../../../data/surveysStore.js";

export interface SurveySegment {
  surveyId: string;
  store: SurveyStore;
  /** Loaded before the segment's pages render. */
  survey: () => Survey;
  /** Links within the site's surveys: `surveysPath` is the list, `surveyPath` this survey's results. */
  surveysPath: string;
  surveyPath: string;
}

export const SurveyContext = createContext<SurveySegment>();

export function useSurvey(): SurveySegment {
  const survey = useContext(SurveyContext);
  if (!survey) throw new Error("useSurvey: called outside /t/:tenantId/sites/:siteId/surveys/:surveyId");
  return survey;
}
