import { resolveEffectivePolicy, type EffectivePolicy } from "../src/effectivePolicy.js";
import { mouseStatsPolicyV1 } from "../src/mousestats/v1.js";
import { tenantPrivacySettingsSchema, type TenantPrivacySettingsInput } from "../src/tenantSettings.js";

/** The MouseStats v1 policy resolved for a tenant with the given settings (safest defaults otherwise). */
export function effectivePolicyFor(settings: TenantPrivacySettingsInput = {}): EffectivePolicy {
  return resolveEffectivePolicy(mouseStatsPolicyV1, tenantPrivacySettingsSchema.parse(settings));
}
