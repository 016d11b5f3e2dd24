import { z } from "zod";
import { questionIdPattern } from "./surveyDefinition.js";

/**
 * The wire format between the recorder and the public survey routes, version 1:
 * `GET /surveys/active/:siteKey?path=/pricing` answers `ActiveSurveys`; `POST /surveys/answers`
 * takes a `SurveyAnswersPayload` as a text/plain JSON body (no CORS preflight) and answers like
 * /collect: 204 stored, 200 `{ duplicate: true }` for a response stored before, 200
 * `{ stored: false, reason }` when dropped on purpose (`opted-out`, `consent-missing`), 400 with
 * the invalid `field`, 403 for an unknown site key or a foreign origin, 413 over `maxBodyBytes`.
 */
export const surveyAnswerLimits = {
  maxBodyBytes: 128 * 1024,
  /** The schema's bound; the site's policy (`surveys.maxAnswerLength`) is usually far lower. */
  maxTextCharacters: 10_000,
} as const;

/** Random identifiers made by the recorder from crypto.getRandomValues (base64url). */
const randomId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "must be 16-64 characters of base64url");

export const surveyAnswersPayloadSchema = z.strictObject({
  v: z.literal(1),
  siteKey: z.string().regex(/^pk_[0-9a-z]{24}$/, "must be a site key (pk_…)"),
  surveyId: z.string().regex(/^srv_[0-9a-z]{20}$/, "must be a survey id (srv_…)"),
  /** Random per submission: a retried submission with the same id is stored once. */
  responseId: randomId,
  /** The visitor cookie (MS-1.9), if the recorder has one: stored only keyed to the site (MS-2.3). */
  visitorId: randomId.optional(),
  /** MS-4.2: `granted` once the visitor consented; `not-required` where the site's mode allows it. */
  consent: z.enum(["granted", "not-required"]),
  answers: z
    .array(
      z.strictObject({
        questionId: z.string().regex(questionIdPattern, "must be a question id (q_…)"),
        /** single-choice: the option's text; multiple-choice: the options' texts; rating: a number; free-text: the text. */
        value: z.union([
          z.string().max(surveyAnswerLimits.maxTextCharacters, `must be at most ${surveyAnswerLimits.maxTextCharacters} characters`),
          z.array(z.string().max(1000)).max(50),
          z.number(),
        ]),
      }),
    )
    .min(1, "must hold at least one answer")
    .max(50, "must hold at most 50 answers"),
});

export type SurveyAnswersPayload = z.infer<typeof surveyAnswersPayloadSchema>;

export type PublicSurveyQuestion = { questionId: string; label: string; required: boolean } & (
  | { type: "single-choice"; options: string[] }
  | { type: "multiple-choice"; options: string[] }
  | { type: "rating"; scale: { min: number; max: number }; lowLabel: string | null; highLabel: string | null }
  /** `maxLength`: the question's own limit within the policy's maxAnswerLength, in characters. */
  | { type: "free-text"; placeholder: string | null; maxLength: number }
);

export interface PublicSurvey {
  surveyId: string;
  title: string;
  intro: string;
  /** `samplePercent`: the share of page views (1-100) on which the page shows the survey, drawn per page view. */
  display: { pathPrefix: string; delaySeconds: number; samplePercent: number };
  questions: PublicSurveyQuestion[];
}

/** `GET /surveys/active/:siteKey?path=…`: what to show on that page. */
export interface ActiveSurveys {
  siteKey: string;
  /** Where answers go (absolute URL). */
  answersUrl: string;
  /** MS-4.2: in `required` mode, answers are accepted only with `consent: "granted"`. */
  consentMode: "none" | "opt-out" | "required";
  /**
   * The first-party cookie holding the recorder's visitor id (MS-1.9), named by the site's policy:
   * sent as `visitorId`, it ties the answers to the visitor's rights of access and erasure.
   */
  visitorCookie: string | null;
  surveys: PublicSurvey[];
}
