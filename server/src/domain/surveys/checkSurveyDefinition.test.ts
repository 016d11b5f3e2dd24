import { resolveEffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { tenantPrivacySettingsSchema } from "@mousetrail/policies/tenantSettings";
import { describe, expect, it } from "vitest";
import { checkSurveyDefinition } from "./checkSurveyDefinition.js";
import type { QuestionDefinition } from "./surveyDefinition.js";

const defaults = tenantPrivacySettingsSchema.parse({});
const v1 = resolveEffectivePolicy(mouseStatsPolicyV1, defaults);
/** A stricter policy, to prove the limits are read from the policy and not fixed in code. */
const strict = resolveEffectivePolicy(
  { ...mouseStatsPolicyV1, id: "strict-surveys", surveys: { ...mouseStatsPolicyV1.surveys, allowedFieldTypes: ["single-choice", "rating"], maxAnswerLength: 200 } },
  defaults,
);

const freeText = (overrides: Partial<Extract<QuestionDefinition, { type: "free-text" }>> = {}): QuestionDefinition => ({
  type: "free-text",
  label: "What could we improve?",
  required: false,
  placeholder: null,
  maxLength: null,
  ...overrides,
});
const choice = (options: string[]): QuestionDefinition => ({ type: "single-choice", label: "Pick one", required: true, options });

describe("checkSurveyDefinition", () => {
  it("MS-1.13 accepts a survey within the policy, including a question that asks for an email address", () => {
    const issues = checkSurveyDefinition(
      { title: "Feedback", intro: "Tell us", questions: [choice(["Yes", "No"]), freeText({ label: "What is your email address?" })], display: { pathPrefix: "/", delaySeconds: 0 } },
      v1,
    );
    expect(issues).toEqual([]);
  });

  it("MS-1.13 refuses field types the site's policy does not allow, naming the policy's list", () => {
    const issues = checkSurveyDefinition({ questions: [choice(["Yes", "No"]), freeText()] }, strict);
    expect(issues).toEqual([
      { field: "questions.1.type", message: "free-text questions are not allowed by policy strict-surveys v1 (allowed: single-choice, rating)" },
    ]);
    expect(checkSurveyDefinition({ questions: [freeText()] }, v1)).toEqual([]);
  });

  it("MS-1.13 caps a free-text question's length at the policy's maxAnswerLength", () => {
    expect(checkSurveyDefinition({ questions: [freeText({ maxLength: 1000 })] }, v1)).toEqual([]);
    expect(checkSurveyDefinition({ questions: [freeText({ maxLength: 1001 })] }, v1)).toEqual([
      { field: "questions.0.maxLength", message: "must be at most 1000 (the maxAnswerLength of policy mousestats v1)" },
    ]);
    const looser = resolveEffectivePolicy({ ...mouseStatsPolicyV1, id: "loose", surveys: { ...mouseStatsPolicyV1.surveys, maxAnswerLength: 5000 } }, defaults);
    expect(checkSurveyDefinition({ questions: [freeText({ maxLength: 5000 })] }, looser)).toEqual([]);
  });

  it.each([
    ["an option", { questions: [choice(["Yes", "Mail jane.doe@example.com"])] }, "questions.0.options.1", "an email address"],
    ["a prefilled placeholder", { questions: [freeText({ placeholder: "+44 20 7946 0958" })] }, "questions.0.placeholder", "a phone number"],
    ["the title", { title: "Card 4111 1111 1111 1111 feedback" }, "title", "a payment card number"],
    ["the intro", { intro: "Refunds go to DE89 3704 0044 0532 0130 00" }, "intro", "an IBAN"],
    ["the display rule", { display: { pathPrefix: "/account/jane.doe@example.com", delaySeconds: 0 } }, "display.pathPrefix", "an email address"],
  ])("MS-1.13 refuses PII in %s, naming the field and the kind", (_where, definition, field, kind) => {
    const issues = checkSurveyDefinition(definition, v1);
    expect(issues).toEqual([{ field, message: `must not contain personal data (found ${kind})` }]);
    expect(JSON.stringify(issues)).not.toMatch(/jane|7946|4111|3704/);
  });
});
