import { z } from "zod";
import { surveyLimits } from "../../domain/surveys/surveyDefinition.js";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";

/**
 * Survey definitions as tenants send them (MS-1.13). The shape and fixed size limits are checked
 * here; what the site's policy decides (allowed field types, answer length, no PII in the texts)
 * is checked by the domain against that site's effective policy, so it is never hard-coded here.
 */
const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).optional();

const options = z
  .array(text(surveyLimits.optionLength))
  .min(surveyLimits.minOptions, `must list at least ${surveyLimits.minOptions} options`)
  .max(surveyLimits.maxOptions, `must list at most ${surveyLimits.maxOptions} options`)
  .refine((list) => new Set(list).size === list.length, "must not list the same option twice");

const questionBase = { label: text(surveyLimits.labelLength), required: z.boolean().default(false) };

export const questionInput = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("single-choice"), ...questionBase, options }),
  z.strictObject({ type: z.literal("multiple-choice"), ...questionBase, options }),
  z.strictObject({
    type: z.literal("rating"),
    ...questionBase,
    scale: z
      .strictObject({
        min: z.number().int("must be a whole number").min(0, "must be 0 or 1").max(1, "must be 0 or 1"),
        max: z.number().int("must be a whole number").min(2, "must be at least 2").max(10, "must be at most 10"),
      })
      .default({ min: 1, max: 5 }),
    lowLabel: optionalText(surveyLimits.ratingLabelLength),
    highLabel: optionalText(surveyLimits.ratingLabelLength),
  }),
  z.strictObject({
    type: z.literal("free-text"),
    ...questionBase,
    placeholder: optionalText(surveyLimits.placeholderLength),
    /** At most the policy's maxAnswerLength (checked against the site's policy); absent: that limit. */
    maxLength: z.number().int("must be a whole number").min(1, "must be at least 1").optional(),
  }),
]);

const questions = z
  .array(questionInput)
  .min(1, "must list at least 1 question")
  .max(surveyLimits.maxQuestions, `must list at most ${surveyLimits.maxQuestions} questions`);

const display = z.strictObject({
  pathPrefix: z
    .string()
    .trim()
    .max(surveyLimits.pathPrefixLength, `must be at most ${surveyLimits.pathPrefixLength} characters`)
    .regex(/^\/[^?#\s]*$/, "must be a URL path starting with / (no query, fragment or spaces)"),
  delaySeconds: z
    .number()
    .int("must be a whole number")
    .min(0, "must be at least 0")
    .max(surveyLimits.maxDelaySeconds, `must be at most ${surveyLimits.maxDelaySeconds}`)
    .default(0),
    /** The share of page views that show the survey, drawn per page view by the page. */
    samplePercent: z.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(100),
    /** From when (included) until when (excluded) it shows and takes answers; null or absent: open-ended. */
    startsAt: isoDate.nullable().default(null),
    endsAt: isoDate.nullable().default(null),
  })
  .refine((shown) => shown.startsAt === null || shown.endsAt === null || Date.parse(shown.endsAt) > Date.parse(shown.startsAt), {
    message: "must be after display.startsAt",
    path: ["endsAt"],
  });

const title = text(surveyLimits.titleLength);
const intro = z.string().trim().max(surveyLimits.introLength, `must be at most ${surveyLimits.introLength} characters`);

export const surveyInput = tenantInput.extend({ surveyId: idSchema("survey") });

export const listSurveysInput = tenantInput.extend({
  siteId: idSchema("site").optional(),
  status: z.enum(["draft", "active", "archived"]).optional(),
});

export const createSurveyInput = tenantInput.extend({
  siteId: idSchema("site"),
  title,
  intro: intro.default(""),
  questions,
  display,
  /** `draft`: shown to nobody until `surveys.activate`; `active` (the default): shown at once. */
  status: z.enum(["draft", "active"]).default("active"),
});

export const updateSurveyInput = surveyInput.extend({
  title: title.optional(),
  intro: intro.optional(),
  questions: questions.optional(),
  display: display.optional(),
});

export const surveyResultsInput = surveyInput.extend({
  /** Responses with free text per page. */
  limit: z.number().int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
});
