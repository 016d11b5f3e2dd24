import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { RecorderConfig } from "./collectPayload.schema.js";

/** The part of a site's effective policy the browser recorder applies before anything is sent. */
export function recorderConfigOf(siteKey: string, policy: EffectivePolicy, serverOrigin: string): RecorderConfig {
  return {
    siteKey,
    collectUrl: `${serverOrigin}/collect`,
    optOutUrl: `${serverOrigin}/optout/${siteKey}`,
    policy: {
      policyId: policy.policyId,
      policyVersion: policy.policyVersion,
      masking: {
        maskCharacter: policy.masking.maskCharacter,
        textMasking: policy.masking.textMasking,
        nonSensitiveSelectors: [...policy.masking.nonSensitiveSelectors],
        maskedSelectors: [...policy.masking.maskedSelectors],
        blockedSelectors: [...policy.masking.blockedSelectors],
        neverCapture: {
          inputTypes: [...policy.masking.neverCapture.inputTypes],
          autocompleteTokens: [...policy.masking.neverCapture.autocompleteTokens],
          autocompleteTokenPrefixes: [...policy.masking.neverCapture.autocompleteTokenPrefixes],
        },
      },
      interactions: {
        recordMouseMovements: policy.interactions.recordMouseMovements,
        recordScrolls: policy.interactions.recordScrolls,
        recordClicks: policy.interactions.recordClicks,
        mouseMoveSampleIntervalMs: policy.interactions.mouseMoveSampleIntervalMs,
        scrollSampleIntervalMs: policy.interactions.scrollSampleIntervalMs,
      },
      pages: { dropQueryParameters: policy.pages.dropQueryParameters },
      cookies: policy.cookies.map((cookie) => ({ name: cookie.name, role: cookie.role, lifetimeSeconds: cookie.lifetimeSeconds })),
      consent: {
        mode: policy.consent.mode,
        honourGlobalPrivacyControl: policy.consent.honourGlobalPrivacyControl,
        honourDoNotTrack: policy.consent.honourDoNotTrack,
      },
      optOut: {
        cookieName: policy.optOut.cookieName,
        queryParameter: policy.optOut.queryParameter,
        queryValue: policy.optOut.queryValue,
        cookieLifetimeSeconds: policy.optOut.cookieLifetimeSeconds,
      },
      technicalFields: [...policy.technicalInfo.fields],
    },
  };
}
