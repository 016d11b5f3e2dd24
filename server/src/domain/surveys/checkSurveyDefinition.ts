import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { detectPii } from "@mousetrail/policies/pii/detectPii";
import type { PiiKind } from "@mousetrail/policies/pii/piiKind";
import type { SurveyDefinition } from "./surveyDefinition.js";

export interface DefinitionIssue {
  /** Dotted path in the survey input, as the API names fields (`questions.3.options.1`). */
  field: string;
  message: string;
}

type SurveyPolicy = Pick<EffectivePolicy, "policyId" | "policyVersion" | "surveys" | "pii">;

const piiInWords: Record<PiiKind, string> = {
  email: "an email address",
  phone: "a phone number",
  "payment-card": "a payment card number",
  iban: "an IBAN",
  "us-ssn": "a US social security number",
  "uk-nino": "a UK National Insurance number",
};

/**
 * MS-1.13: what the site's policy says about a survey (or the parts of it being changed): the
 * field types it allows, the longest answer it allows, and no PII in the survey's own texts. A
 * question may ask for an email address (the answer is then redacted on arrival), but a title,
 * option, placeholder or display rule that carries one would publish or prefill it. Returns every
 * problem, each naming its field.
 */
export function checkSurveyDefinition(definition: Partial<SurveyDefinition>, policy: SurveyPolicy): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const policyName = `${policy.policyId} v${policy.policyVersion}`;
  const texts: [field: string, text: string | null | undefined][] = [
    ["title", definition.title],
    ["intro", definition.intro],
    ["display.pathPrefix", definition.display?.pathPrefix],
  ];
  definition.questions?.forEach((question, index) => {
    const at = `questions.${index}`;
    if (!policy.surveys.allowedFieldTypes.includes(question.type)) {
      issues.push({
        field: `${at}.type`,
        message: `${question.type} questions are not allowed by policy ${policyName} (allowed: ${policy.surveys.allowedFieldTypes.join(", ")})`,
      });
    }
    texts.push([`${at}.label`, question.label]);
    if (question.type === "single-choice" || question.type === "multiple-choice") {
      question.options.forEach((option, optionIndex) => texts.push([`${at}.options.${optionIndex}`, option]));
    } else if (question.type === "rating") {
      texts.push([`${at}.lowLabel`, question.lowLabel], [`${at}.highLabel`, question.highLabel]);
    } else {
      texts.push([`${at}.placeholder`, question.placeholder]);
      const maxAnswerLength = policy.surveys.maxAnswerLength;
      if (question.maxLength !== null && question.maxLength > maxAnswerLength) {
        issues.push({ field: `${at}.maxLength`, message: `must be at most ${maxAnswerLength} (the maxAnswerLength of policy ${policyName})` });
      }
    }
  });
  for (const [field, text] of texts) {
    if (!text) continue;
    const kinds = [...new Set(detectPii(text, policy.pii.detectors).map((detection) => detection.kind))];
    if (kinds.length > 0) {
      issues.push({ field, message: `must not contain personal data (found ${kinds.map((kind) => piiInWords[kind]).join(" and ")})` });
    }
  }
  return issues;
}
