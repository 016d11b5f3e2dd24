import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { z } from "zod";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";

export const sitePrivacyInput = tenantInput.extend({ siteId: idSchema("site") });

/**
 * The effective policy as the server enforces it: the `EffectivePolicy` type of
 * @mousetrail/policies, produced by `resolveEffectivePolicy` (which validated it); JSON as is.
 */
export const effectivePolicyOutput = z.custom<EffectivePolicy>(
  (value) => typeof value === "object" && value !== null && "policyId" in value && "policyVersion" in value,
  "not an effective policy",
);

export const cookieTableOutput = z.array(
  z.object({ name: z.string(), purpose: z.string(), lifetime: z.string(), firstParty: z.boolean(), clauses: z.array(z.string()) }),
);

const retentionBounds = z.object({ defaultDays: z.number(), minDays: z.number(), maxDays: z.number() });

export const privacySettingsOutput = z.object({
  policyId: z.string(),
  policyVersion: z.number().int(),
  /** Versions of this policy a site may switch to. */
  publishedVersions: z.array(z.object({ version: z.number().int(), revisedOn: z.string(), publishedAt: isoDate })),
  settings: z.object({
    nonSensitiveSelectors: z.array(z.string()),
    maskedSelectors: z.array(z.string()),
    blockedSelectors: z.array(z.string()),
    textMasking: z.enum(["none", "inputs-only", "all-text"]),
    consentMode: z.enum(["none", "opt-out", "required"]),
    retentionDays: z.object({ rawRecordings: z.number().optional(), sessionMetadata: z.number().optional(), aggregates: z.number().optional() }),
  }),
  bounds: z.object({
    minimumTextMasking: z.string(),
    minimumConsentMode: z.string(),
    maxNonSensitiveSelectors: z.number(),
    retention: z.object({ rawRecordings: retentionBounds, sessionMetadata: retentionBounds, aggregates: retentionBounds }),
  }),
});

export const updatePrivacySettingsInput = sitePrivacyInput.extend({
  /** Checked against the policy's bounds by @mousetrail/policies (validateTenantSettings), every problem named. */
  settings: z.record(z.string(), z.unknown()),
  policyVersion: z.number().int().min(1).optional(),
});

export const updatePrivacySettingsOutput = z.object({
  policyId: z.string(),
  policyVersion: z.number().int(),
  tightened: z.array(z.string()),
  /** Follow with `privacy.jobStatus` to watch stored data being brought in line. */
  jobId: z.string().nullable(),
});

export const jobStatusInput = tenantInput.extend({ jobId: idSchema("job") });

export const jobStatusOutput = z.object({
  jobId: z.string(),
  type: z.string(),
  state: z.enum(["queued", "running", "done", "failed"]),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  createdAt: isoDate,
  finishedAt: isoDate.nullable(),
  error: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
});
