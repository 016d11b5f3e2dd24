import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { tenantPrivacySettingsSchema } from "@mousetrail/policies/tenantSettings";
import { describe, expect, it } from "vitest";
import type { SurveyDoc } from "../../../db/collections.js";
import { checkAnswers } from "./checkAnswers.js";

const defaults = tenantPrivacySettingsSchema.parse({});
const v1 = resolveEffectivePolicy(mouseStatsPolicyV1, defaults);
const short = resolveEffectivePolicy({ ...mouseStatsPolicyV1, id: "short-answers", surveys: { ...mouseStatsPolicyV1.surveys, maxAnswerLength: 20 } }, defaults);

const now = new Date();
const survey: SurveyDoc = {
  _id: "srv_00000000000000000001",
  tenantId: "tnt_00000000000000000001",
  siteId: "site_00000000000000000001",
  title: "Feedback",
  intro: "",
  questions: [
    { questionId: "q_single0001", type: "single-choice", label: "Found it?", required: true, options: ["Yes", "No"] },
    { questionId: "q_multi00001", type: "multiple-choice", label: "Looked at", required: false, options: ["Prices", "Reviews", "Help"] },
    { questionId: "q_rating0001", type: "rating", label: "Ease", required: false, scale: { min: 1, max: 5 }, lowLabel: null, highLabel: null },
    { questionId: "q_text000001", type: "free-text", label: "Improve?", required: false, placeholder: null, maxLength: null },
    { questionId: "q_text000002", type: "free-text", label: "Short", required: false, placeholder: null, maxLength: 10 },
  ],
  display: { pathPrefix: "/", delaySeconds: 0 },
  status: "active",
  createdAt: now,
  updatedAt: now,
  archivedAt: null,
};

describe("checkAnswers", () => {
  it("MS-1.13 keeps valid answers in question order, choices in option order, blank text as unanswered", () => {
    const check = checkAnswers(
      survey,
      [
        { questionId: "q_text000001", value: "Faster pages" },
        { questionId: "q_multi00001", value: ["Help", "Prices"] },
        { questionId: "q_single0001", value: "Yes" },
        { questionId: "q_rating0001", value: 4 },
        { questionId: "q_text000002", value: "   " },
      ],
      v1,
    );
    expect(check).toEqual({
      ok: true,
      answers: [
        { questionId: "q_single0001", choices: ["Yes"] },
        { questionId: "q_multi00001", choices: ["Prices", "Help"] },
        { questionId: "q_rating0001", rating: 4 },
        { questionId: "q_text000001", text: "Faster pages" },
      ],
    });
  });

  it.each([
    ["a single choice outside the options", [{ questionId: "q_single0001", value: "Maybe, mail me at jane@example.com" }], "answers.0.value", "must be one of the question's options"],
    ["typed text for a single choice given as a list", [{ questionId: "q_single0001", value: ["Yes"] }], "answers.0.value", "must be one of the question's options"],
    ["a multiple choice with an unknown option", [{ questionId: "q_multi00001", value: ["Prices", "Other: 020 7946 0958"] }], "answers.0.value", "must list only the question's options"],
    ["a multiple choice listing an option twice", [{ questionId: "q_multi00001", value: ["Prices", "Prices"] }], "answers.0.value", "must not list an option twice"],
    ["an empty multiple choice", [{ questionId: "q_multi00001", value: [] }], "answers.0.value", "must list at least one of the question's options"],
    ["a rating above the scale", [{ questionId: "q_rating0001", value: 6 }], "answers.0.value", "must be a whole number from 1 to 5"],
    ["a fractional rating", [{ questionId: "q_rating0001", value: 2.5 }], "answers.0.value", "must be a whole number from 1 to 5"],
    ["a rating sent as text", [{ questionId: "q_rating0001", value: "5" }], "answers.0.value", "must be a whole number from 1 to 5"],
    ["text longer than the question allows", [{ questionId: "q_text000002", value: "x".repeat(11) }], "answers.0.value", "must be at most 10 characters"],
    ["a question the survey does not have", [{ questionId: "q_unknown001", value: "Yes" }], "answers.0.questionId", "the survey has no question q_unknown001"],
    ["a question answered twice", [{ questionId: "q_rating0001", value: 1 }, { questionId: "q_rating0001", value: 2 }], "answers.1.questionId", "question q_rating0001 is answered twice"],
  ])("MS-1.13 refuses %s, naming the field", (_case, answers, field, message) => {
    const check = checkAnswers(survey, [...answers, { questionId: "q_single0001", value: "No" }], v1);
    expect(check).toEqual({ ok: false, field, message: `${field}: ${message}` });
  });

  it("MS-1.13 refuses a missing answer to a required question", () => {
    expect(checkAnswers(survey, [{ questionId: "q_rating0001", value: 3 }], v1)).toEqual({
      ok: false,
      field: "answers",
      message: "answers: question q_single0001 is required",
    });
  });

  it("MS-1.13 reads the longest free-text answer from the policy, counting characters not code units", () => {
    const answer = (text: string) => [{ questionId: "q_single0001", value: "Yes" }, { questionId: "q_text000001", value: text }];
    expect(checkAnswers(survey, answer("😀".repeat(20)), short).ok).toBe(true);
    expect(checkAnswers(survey, answer("x".repeat(21)), short)).toEqual({ ok: false, field: "answers.1.value", message: "answers.1.value: must be at most 20 characters" });
    expect(checkAnswers(survey, answer("x".repeat(1000)), v1).ok).toBe(true);
    expect(checkAnswers(survey, answer("x".repeat(1001)), v1)).toMatchObject({ ok: false, message: "answers.1.value: must be at most 1000 characters" });
  });
});
