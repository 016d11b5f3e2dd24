import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { AppError } from "../../errors/appError.js";
import { checkSurveyDefinition } from "./checkSurveyDefinition.js";
import type { SurveyDefinition } from "./surveyDefinition.js";

/** MS-1.13: refuses a survey (or a change to one) that the site's policy does not allow, naming every field at fault. */
export function assertSurveyAllowed(definition: Partial<SurveyDefinition>, policy: EffectivePolicy): void {
  if (!policy.surveys.enabled) {
    throw new AppError("CONFLICT", {
      userMessage: `Surveys are not enabled by this site's policy (${policy.policyId} v${policy.policyVersion})`,
    });
  }
  const issues = checkSurveyDefinition(definition, policy);
  if (issues.length > 0) {
    throw new AppError("BAD_INPUT", {
      userMessage: issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "),
      field: issues[0]?.field,
      issues,
    });
  }
}
