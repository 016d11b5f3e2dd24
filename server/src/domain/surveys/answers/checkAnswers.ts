import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { StoredSurveyAnswer } from "../../../db/analyticsCollections.js";
import type { SurveyDoc } from "../../../db/collections.js";
import { maxAnswerLengthOf } from "../listActiveSurveys.js";
import type { SurveyAnswersPayload } from "../surveyWire.schema.js";

export type AnswerCheck = { ok: true; answers: StoredSurveyAnswer[] } | { ok: false; field: string; message: string };

/**
 * Checks a submission's answers against the survey's questions: each answers a question of the
 * survey once; a choice is one of the question's options (so nothing typed reaches storage
 * through a choice); a rating is a whole number on the scale; a free-text answer is within the
 * question's and the policy's length limit (MS-1.13), counted in characters. Blank free text
 * counts as no answer. Returns the answers in question order, or the first problem by field.
 */
export function checkAnswers(survey: SurveyDoc, sent: SurveyAnswersPayload["answers"], policy: EffectivePolicy): AnswerCheck {
  const byQuestion = new Map<string, StoredSurveyAnswer>();
  for (const [index, { questionId, value }] of sent.entries()) {
    const field = `answers.${index}.value`;
    const fail = (message: string, at = field): AnswerCheck => ({ ok: false, field: at, message: `${at}: ${message}` });
    const question = survey.questions.find((candidate) => candidate.questionId === questionId);
    if (!question) return fail(`the survey has no question ${questionId}`, `answers.${index}.questionId`);
    if (byQuestion.has(questionId)) return fail(`question ${questionId} is answered twice`, `answers.${index}.questionId`);

    if (question.type === "single-choice") {
      if (typeof value !== "string" || !question.options.includes(value)) return fail("must be one of the question's options");
      byQuestion.set(questionId, { questionId, choices: [value] });
    } else if (question.type === "multiple-choice") {
      if (!Array.isArray(value) || value.length === 0) return fail("must list at least one of the question's options");
      if (!value.every((choice) => question.options.includes(choice))) return fail("must list only the question's options");
      if (new Set(value).size !== value.length) return fail("must not list an option twice");
      byQuestion.set(questionId, { questionId, choices: question.options.filter((option) => value.includes(option)) });
    } else if (question.type === "rating") {
      const { min, max } = question.scale;
      if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) return fail(`must be a whole number from ${min} to ${max}`);
      byQuestion.set(questionId, { questionId, rating: value });
    } else {
      if (typeof value !== "string") return fail("must be text");
      const limit = maxAnswerLengthOf(question, policy);
      if (Array.from(value).length > limit) return fail(`must be at most ${limit} characters`);
      if (value.trim() !== "") byQuestion.set(questionId, { questionId, text: value });
    }
  }
  const missing = survey.questions.find((question) => question.required && !byQuestion.has(question.questionId));
  if (missing) return { ok: false, field: "answers", message: `answers: question ${missing.questionId} is required` };
  if (byQuestion.size === 0) return { ok: false, field: "answers", message: "answers: must answer at least one question" };
  return { ok: true, answers: survey.questions.flatMap((question) => byQuestion.get(question.questionId) ?? []) };
}
