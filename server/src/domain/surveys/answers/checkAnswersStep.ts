import { step } from "../../../pipeline/pipeline.js";
import { ok, reject } from "../../../pipeline/stepResult.js";
import type { CheckedAnswers, SurveyAnswers } from "./answerStages.js";
import { checkAnswers } from "./checkAnswers.js";

/** Everything that can refuse a submission runs before anything is written (see checkAnswers). */
export const checkAnswersStep = step<SurveyAnswers, CheckedAnswers>("checkAnswers", (submission) => {
  const check = checkAnswers(submission.survey, submission.payload.answers, submission.policy);
  if (!check.ok) return reject({ code: "BAD_INPUT", message: check.message, field: check.field });
  return ok({ ...submission, answers: check.answers });
});
