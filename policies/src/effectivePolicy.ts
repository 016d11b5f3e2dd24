import type { ClauseId } from "./clauses.js";
import { deepFreeze, type DeepReadonly } from "./deepFreeze.js";
import type { ConsentMode } from "./schema/consentMode.js";
import { policyDocumentSchema, type CookieSpec, type PolicyDocument } from "./schema/policyDocument.js";
import type { TextMaskingLevel } from "./schema/textMaskingLevel.js";
import { validateTenantSettings, type TenantPrivacySettings, type TenantSettingsError } from "./tenantSettings.js";

/**
 * A policy document merged with one tenant's settings: everything the recorder, the ingestion
 * pipeline and the policy page need, resolved once, deeply frozen and JSON-serialisable (the
 * server sends it to the browser recorder as is). Sections keep the clause IDs they implement.
 */
export type EffectivePolicy = DeepReadonly<{
  /** MS-5.1: stamped on every session so it is known which version data was collected under. */
  policyId: string;
  policyVersion: number;
  revisedOn: string;
  serviceName: string;
  changelog: PolicyDocument["changelog"];

  technicalInfo: PolicyDocument["technicalInfo"];
  ipAddress: PolicyDocument["ipAddress"];
  pages: PolicyDocument["pages"];
  interactions: PolicyDocument["interactions"];

  masking: {
    clauses: ClauseId[];
    maskCharacter: string;
    /** Never `none`: resolution refuses it because MS-1.5 masks every input. */
    textMasking: Exclude<TextMaskingLevel, "none">;
    /** MS-1.6, in the supported selector subset (selectors/fieldSelector.ts). */
    nonSensitiveSelectors: string[];
    maskedSelectors: string[];
    blockedSelectors: string[];
    /** MS-2.4: wins over every selector. */
    neverCapture: PolicyDocument["inputMasking"]["neverCapture"];
  };

  cookies: CookieSpec[];
  visitorIdentity: PolicyDocument["visitorIdentity"];

  consent: {
    clauses: ClauseId[];
    mode: ConsentMode;
    honourGlobalPrivacyControl: boolean;
    honourDoNotTrack: boolean;
  };

  optOut: PolicyDocument["optOut"] & { cookieLifetimeSeconds: number };

  retention: {
    clauses: ClauseId[];
    rawRecordingsDays: number;
    sessionMetadataDays: number;
    aggregatesDays: number;
  };

  pii: PolicyDocument["pii"];
  surveys: PolicyDocument["surveys"];
  notCollected: PolicyDocument["notCollected"];
  purposes: PolicyDocument["purposes"];
  complaints: PolicyDocument["complaints"];
  modifications: PolicyDocument["modifications"];
}>;

/** Thrown when a policy document or tenant settings do not validate; lists every problem. */
export class PolicyResolutionError extends Error {
  readonly errors: readonly TenantSettingsError[];

  constructor(errors: readonly TenantSettingsError[]) {
    super(`cannot resolve the effective policy: ${errors.map((error) => `${error.path.join(".")}: ${error.message}`).join("; ")}`);
    this.name = "PolicyResolutionError";
    this.errors = errors;
  }
}

/**
 * Merges a policy with a tenant's settings. Both are validated again here, so an EffectivePolicy
 * can only exist for settings the policy allows; call `validateTenantSettings` first to show a
 * tenant its errors.
 */
export function resolveEffectivePolicy(policy: PolicyDocument, settings: TenantPrivacySettings): EffectivePolicy {
  const checkedPolicy = policyDocumentSchema.safeParse(policy);
  if (!checkedPolicy.success) {
    throw new PolicyResolutionError(
      checkedPolicy.error.issues.map((issue) => ({
        // Stryker disable next-line MethodExpression,ConditionalExpression,StringLiteral: the document schema has no symbol keys, so zod's paths never hold one; the filter only narrows the type.
        path: ["policy", ...issue.path.filter((segment) => typeof segment !== "symbol")],
        message: issue.message,
      })),
    );
  }
  const validation = validateTenantSettings(policy, settings);
  if (!validation.ok) throw new PolicyResolutionError(validation.errors);
  const tenant = validation.settings;
  // The document is parsed into a fresh copy, so freezing the result never freezes the caller's objects.
  const document = checkedPolicy.data;

  const textMasking = tenant.textMasking;
  // Unreachable after validation (the schema refuses a `none` minimum); kept so the type is honest.
  // Stryker disable next-line all: unreachable, see above.
  if (textMasking === "none") {
    // Stryker disable next-line all: unreachable, see above.
    throw new PolicyResolutionError([{ path: ["textMasking"], message: "MS-1.5 forbids text masking 'none'" }]);
  }
  const optOutCookie = document.cookies.find((cookie) => cookie.name === document.optOut.cookieName);
  // Unreachable after validation (the schema checks it); the recorder cannot set a cookie it has no spec for.
  // Stryker disable next-line all: unreachable, see above.
  if (!optOutCookie) {
    // Stryker disable next-line all: unreachable, see above.
    throw new PolicyResolutionError([{ path: ["policy", "optOut", "cookieName"], message: "the opt-out cookie has no cookie spec" }]);
  }

  const effective = {
    policyId: document.id,
    policyVersion: document.version,
    revisedOn: document.revisedOn,
    serviceName: document.serviceName,
    changelog: document.changelog,
    technicalInfo: document.technicalInfo,
    ipAddress: document.ipAddress,
    pages: document.pages,
    interactions: document.interactions,
    masking: {
      clauses: unique([...document.inputMasking.clauses, ...document.textMasking.clauses]),
      maskCharacter: document.inputMasking.maskCharacter,
      textMasking,
      nonSensitiveSelectors: unique(tenant.nonSensitiveSelectors.map((selector) => selector.trim())),
      maskedSelectors: unique(tenant.maskedSelectors.map((selector) => selector.trim())),
      blockedSelectors: unique(tenant.blockedSelectors.map((selector) => selector.trim())),
      neverCapture: document.inputMasking.neverCapture,
    },
    cookies: document.cookies,
    visitorIdentity: document.visitorIdentity,
    consent: {
      clauses: document.consent.clauses,
      mode: tenant.consentMode,
      honourGlobalPrivacyControl: document.consent.honourGlobalPrivacyControl,
      honourDoNotTrack: document.consent.honourDoNotTrack,
    },
    optOut: { ...document.optOut, cookieLifetimeSeconds: optOutCookie.lifetimeSeconds },
    retention: {
      clauses: document.retention.clauses,
      rawRecordingsDays: tenant.retentionDays.rawRecordings ?? document.retention.rawRecordings.defaultDays,
      sessionMetadataDays: tenant.retentionDays.sessionMetadata ?? document.retention.sessionMetadata.defaultDays,
      aggregatesDays: tenant.retentionDays.aggregates ?? document.retention.aggregates.defaultDays,
    },
    pii: document.pii,
    surveys: document.surveys,
    notCollected: document.notCollected,
    purposes: document.purposes,
    complaints: document.complaints,
    modifications: document.modifications,
  };
  return deepFreeze(effective);
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
