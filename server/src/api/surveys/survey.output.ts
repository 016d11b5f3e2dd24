import { z } from "zod";
import type { SurveyDoc, SurveyQuestion } from "../../db/collections.js";
import type { QuestionDefinition } from "../../domain/surveys/surveyDefinition.js";
import type { SurveyResults } from "../../domain/surveys/surveyResults.js";
import { everyPageView } from "../../domain/surveys/surveyRunsAt.js";
import { isoDate } from "../common.schema.js";
import type { createSurveyInput, questionInput } from "./survey.schema.js";

const questionBase = { questionId: z.string(), label: z.string(), required: z.boolean() };

export const questionOutput = z.discriminatedUnion("type", [
  z.object({ ...questionBase, type: z.literal("single-choice"), options: z.array(z.string()) }),
  z.object({ ...questionBase, type: z.literal("multiple-choice"), options: z.array(z.string()) }),
  z.object({
    ...questionBase,
    type: z.literal("rating"),
    scale: z.object({ min: z.number().int(), max: z.number().int() }),
    lowLabel: z.string().nullable(),
    highLabel: z.string().nullable(),
  }),
  z.object({ ...questionBase, type: z.literal("free-text"), placeholder: z.string().nullable(), maxLength: z.number().int().nullable() }),
]);

export const surveyOutput = z.object({
  surveyId: z.string(),
  siteId: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(questionOutput),
  display: z.object({
    pathPrefix: z.string(),
    delaySeconds: z.number().int(),
    samplePercent: z.number().int(),
    startsAt: isoDate.nullable(),
    endsAt: isoDate.nullable(),
  }),
  status: z.enum(["draft", "active", "archived"]),
  createdAt: isoDate,
  updatedAt: isoDate,
  archivedAt: isoDate.nullable(),
});

/** A survey in a list, with how many visitors answered it. */
export const surveyListItemOutput = surveyOutput.extend({ responses: z.number().int() });

const resultBase = { questionId: z.string(), label: z.string(), answered: z.number().int() };

export const surveyResultsOutput = z.object({
  survey: surveyOutput,
  responses: z.number().int(),
  questions: z.array(
    z.union([
      z.object({ ...resultBase, type: z.enum(["single-choice", "multiple-choice"]), options: z.array(z.object({ option: z.string(), count: z.number().int() })) }),
      z.object({
        ...resultBase,
        type: z.literal("rating"),
        distribution: z.array(z.object({ rating: z.number().int(), count: z.number().int() })),
        mean: z.number().nullable(),
      }),
      z.object({ ...resultBase, type: z.literal("free-text") }),
    ]),
  ),
  freeText: z.object({
    entries: z.array(z.object({ receivedAt: isoDate, answers: z.array(z.object({ questionId: z.string(), text: z.string() })) })),
    nextCursor: z.string().nullable(),
  }),
});

export function toSurveyOutput(survey: SurveyDoc): z.infer<typeof surveyOutput> {
  return {
    surveyId: survey._id,
    siteId: survey.siteId,
    title: survey.title,
    intro: survey.intro,
    questions: survey.questions.map(toQuestionOutput),
    display: {
      pathPrefix: survey.display.pathPrefix,
      delaySeconds: survey.display.delaySeconds,
      samplePercent: survey.display.samplePercent ?? everyPageView,
      startsAt: survey.display.startsAt?.toISOString() ?? null,
      endsAt: survey.display.endsAt?.toISOString() ?? null,
    },
    status: survey.status,
    createdAt: survey.createdAt.toISOString(),
    updatedAt: survey.updatedAt.toISOString(),
    archivedAt: survey.archivedAt?.toISOString() ?? null,
  };
}

function toQuestionOutput(question: SurveyQuestion): z.infer<typeof questionOutput> {
  const base = { questionId: question.questionId, label: question.label, required: question.required };
  switch (question.type) {
    case "single-choice":
    case "multiple-choice":
      return { ...base, type: question.type, options: question.options };
    case "rating":
      return { ...base, type: "rating", scale: question.scale, lowLabel: question.lowLabel, highLabel: question.highLabel };
    case "free-text":
      return { ...base, type: "free-text", placeholder: question.placeholder, maxLength: question.maxLength };
  }
}

export function toSurveyResultsOutput(results: SurveyResults): z.infer<typeof surveyResultsOutput> {
  return {
    survey: toSurveyOutput(results.survey),
    responses: results.responses,
    questions: results.questions,
    freeText: {
      entries: results.freeText.entries.map((entry) => ({ receivedAt: entry.receivedAt.toISOString(), answers: entry.answers })),
      nextCursor: results.freeText.nextCursor,
    },
  };
}

/** API input to the domain's question definition: optional texts left out or blank become null. */
export function toQuestionDefinition(question: z.infer<typeof questionInput>): QuestionDefinition {
  const base = { label: question.label, required: question.required };
  switch (question.type) {
    case "single-choice":
    case "multiple-choice":
      return { ...base, type: question.type, options: question.options };
    case "rating":
      return { ...base, type: "rating", scale: question.scale, lowLabel: question.lowLabel || null, highLabel: question.highLabel || null };
    case "free-text":
      return { ...base, type: "free-text", placeholder: question.placeholder || null, maxLength: question.maxLength ?? null };
  }
}

/** API input to the domain's display rules: the dates as dates. */
export function toSurveyDisplay(display: z.infer<typeof createSurveyInput>["display"]): SurveyDoc["display"] {
  return {
    pathPrefix: display.pathPrefix,
    delaySeconds: display.delaySeconds,
    samplePercent: display.samplePercent,
    startsAt: display.startsAt === null ? null : new Date(display.startsAt),
    endsAt: display.endsAt === null ? null : new Date(display.endsAt),
  };
}
