import type { SurveyDoc, SurveyQuestion } from "../../db/collections.js";
import { randomToken } from "../../db/ids.js";

/**
 * Fixed limits of a survey's shape. The policy decides which field types a site may use and
 * how long an answer may be (policy `surveys` section); these only keep a survey small enough
 * to show in a corner of a page.
 */
export const surveyLimits = {
  maxQuestions: 10,
  minOptions: 2,
  maxOptions: 10,
  titleLength: 120,
  introLength: 500,
  labelLength: 300,
  optionLength: 100,
  placeholderLength: 200,
  ratingLabelLength: 60,
  pathPrefixLength: 512,
  maxDelaySeconds: 3600,
} as const;

/** A question as a tenant writes it: the server gives it its id. */
export type QuestionDefinition = SurveyQuestion extends infer Question
  ? Question extends SurveyQuestion
    ? Omit<Question, "questionId">
    : never
  : never;

export interface SurveyDefinition {
  title: string;
  intro: string;
  questions: QuestionDefinition[];
  display: SurveyDoc["display"];
}

/** Two question lists ask the same things the same way (ids aside). */
export function sameQuestions(stored: readonly SurveyQuestion[], proposed: readonly QuestionDefinition[]): boolean {
  if (stored.length !== proposed.length) return false;
  return stored.every((question, index) => {
    const { questionId: _questionId, ...definition } = question;
    return canonicalJson(definition) === canonicalJson(proposed[index]);
  });
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([left], [right]) => left.localeCompare(right)))
      : inner,
  );
}

/** Question ids are random, so an answer sent for a question that has since been replaced is refused, not misfiled. */
export function withQuestionIds(questions: readonly QuestionDefinition[]): SurveyQuestion[] {
  return questions.map((question) => ({ ...question, questionId: `q_${randomToken(10)}` }));
}

export const questionIdPattern = /^q_[0-9a-z]{10}$/;
