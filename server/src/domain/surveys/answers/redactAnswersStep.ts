import { redactSurveyAnswer } from "@mousetrail/policies/enforce/redactSurveyAnswer";
import type { FoundViolation } from "../../../db/analyticsCollections.js";
import { step } from "../../../pipeline/pipeline.js";
import { ok } from "../../../pipeline/stepResult.js";
import type { CheckedAnswers, RedactedAnswers } from "./answerStages.js";

/**
 * MS-1.13: every free-text answer passes the site's PII detectors. Each hit is replaced by a
 * marker naming its kind (`[redacted:email]`) before anything is stored, and recorded as a
 * violation: its kind and the question it was in, never the value. checkAnswers already refused
 * an answer over the length limit, so the policy's cut never applies here; the rule is the one in
 * `policies/`, not a copy.
 */
export const redactAnswersStep = step<CheckedAnswers, RedactedAnswers>("redactAnswers", (submission) => {
  const violations: FoundViolation[] = [];
  const answers = submission.answers.map((answer) => {
    if (answer.text === undefined) return answer;
    const { text, detections } = redactSurveyAnswer(answer.text, submission.policy);
    const location = `surveys.${submission.survey._id}.answers.${answer.questionId}`;
    for (const detection of detections) violations.push({ kind: detection.kind, location });
    return { ...answer, text };
  });
  return ok({ ...submission, answers, violations });
});
