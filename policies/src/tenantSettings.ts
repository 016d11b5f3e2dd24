import { z } from "zod";
import { consentModeSchema, isConsentModeAtLeast } from "./schema/consentMode.js";
import { retentionKinds, type PolicyDocument } from "./schema/policyDocument.js";
import { isTextMaskingAtLeast, textMaskingLevelSchema } from "./schema/textMaskingLevel.js";
import { isSpecificSelector, parseSelectorList } from "./selectors/fieldSelector.js";

/**
 * What a tenant may choose for its site, within what the policy allows. Every default is the
 * safest value: no field is non-sensitive, all page text is masked, recording waits for consent.
 * Retention periods left out take the policy's documented default (see `resolveEffectivePolicy`).
 *
 * Extra masked and blocked selectors only ever add protection, so their limits are about payload
 * size, not privacy, and are fixed here rather than in the policy.
 */
export const extraSelectorLimits = { maxCount: 200, maxLength: 500 } as const;

const selectorListSchema = z.array(z.string().max(extraSelectorLimits.maxLength)).max(extraSelectorLimits.maxCount);
// Bounds come from the policy (validateTenantSettings), so the message can name them.
const retentionDaysSchema = z.number().int();

export const tenantPrivacySettingsSchema = z.strictObject({
  /** MS-1.6: fields whose typed characters are kept. Never-capture fields stay dropped (MS-2.4). */
  nonSensitiveSelectors: selectorListSchema.default([]),
  /** Elements whose text and input values are masked whatever the text masking level. */
  maskedSelectors: selectorListSchema.default([]),
  /** Elements recorded only as an empty box of the same size: no attributes, no content. */
  blockedSelectors: selectorListSchema.default([]),
  textMasking: textMaskingLevelSchema.default("all-text"),
  consentMode: consentModeSchema.default("required"),
  retentionDays: z
    .strictObject({
      rawRecordings: retentionDaysSchema.optional(),
      sessionMetadata: retentionDaysSchema.optional(),
      aggregates: retentionDaysSchema.optional(),
    })
    .default({}),
});

export type TenantPrivacySettings = z.output<typeof tenantPrivacySettingsSchema>;

export type TenantPrivacySettingsInput = z.input<typeof tenantPrivacySettingsSchema>;

export interface TenantSettingsError {
  /** Where in the settings, e.g. `["nonSensitiveSelectors", 2]` or `["retentionDays", "aggregates"]`. */
  readonly path: readonly (string | number)[];
  /** Which limit was broken, in words a tenant administrator can act on. */
  readonly message: string;
}

export type TenantSettingsValidation =
  | { readonly ok: true; readonly settings: TenantPrivacySettings }
  | { readonly ok: false; readonly errors: readonly TenantSettingsError[] };

/**
 * Parses a tenant's settings and checks them against the policy, listing every problem found
 * rather than stopping at the first.
 */
export function validateTenantSettings(policy: PolicyDocument, input: unknown): TenantSettingsValidation {
  const parsed = tenantPrivacySettingsSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        // Stryker disable next-line MethodExpression,ArrowFunction,ConditionalExpression,EqualityOperator,StringLiteral: the settings schema has no symbol keys, so zod's paths never hold one; the filter only narrows the type.
        path: issue.path.filter((segment) => typeof segment !== "symbol"),
        message: issue.message,
      })),
    };
  }
  const settings = parsed.data;
  const errors: TenantSettingsError[] = [];

  const nonSensitiveLimits = policy.inputMasking.nonSensitiveSelectors;
  if (settings.nonSensitiveSelectors.length > nonSensitiveLimits.maxCount) {
    errors.push({
      path: ["nonSensitiveSelectors"],
      message: `must list at most ${nonSensitiveLimits.maxCount} selectors (MS-1.6), got ${settings.nonSensitiveSelectors.length}`,
    });
  }
  settings.nonSensitiveSelectors.forEach((selector, index) => {
    const path = ["nonSensitiveSelectors", index];
    if (selector.length > nonSensitiveLimits.maxLength) {
      errors.push({ path, message: `must be at most ${nonSensitiveLimits.maxLength} characters` });
      return;
    }
    const result = parseSelectorList(selector);
    if (!result.ok) {
      errors.push({ path, message: result.error });
    } else if (!result.selectors.every(isSpecificSelector)) {
      errors.push({
        path,
        message: `selector ${JSON.stringify(selector)} is too broad: a non-sensitive selector must name specific fields with an #id, a .class or an [attribute=value] other than type (MS-1.5, MS-1.6)`,
      });
    }
  });
  for (const list of ["maskedSelectors", "blockedSelectors"] as const) {
    settings[list].forEach((selector, index) => {
      const result = parseSelectorList(selector);
      if (!result.ok) errors.push({ path: [list, index], message: result.error });
    });
  }

  if (!isTextMaskingAtLeast(settings.textMasking, policy.textMasking.minimumLevel)) {
    errors.push({
      path: ["textMasking"],
      message: `text masking must be at least "${policy.textMasking.minimumLevel}" under policy ${policy.id} v${policy.version}`,
    });
  }
  if (!isConsentModeAtLeast(settings.consentMode, policy.consent.minimumMode)) {
    errors.push({
      path: ["consentMode"],
      message: `consent mode must be at least "${policy.consent.minimumMode}" under policy ${policy.id} v${policy.version} (order: none < opt-out < required)`,
    });
  }
  for (const kind of retentionKinds) {
    const days = settings.retentionDays[kind];
    const bounds = policy.retention[kind];
    // Stryker disable next-line ConditionalExpression: a comparison with undefined is false, so the first test only says what is meant.
    if (days !== undefined && (days < bounds.minDays || days > bounds.maxDays)) {
      errors.push({
        path: ["retentionDays", kind],
        message: `retention must be between ${bounds.minDays} and ${bounds.maxDays} days, got ${days}`,
      });
    }
  }

  return errors.length === 0 ? { ok: true, settings } : { ok: false, errors };
}
