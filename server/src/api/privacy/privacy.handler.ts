import { cookieTable } from "@mousetrail/policies/render/cookieTable";
import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { z } from "zod";
import { notFound } from "../../errors/appError.js";
import { effectivePolicyOfSite } from "../../domain/privacy/effectivePolicyOfSite.js";
import { getPolicyVersion } from "../../domain/privacy/policyLibrary.js";
import { updateSitePrivacy } from "../../domain/privacy/updateSitePrivacy.js";
import { getSite } from "../../domain/sites/getSite.js";
import { findJob } from "../../jobs/jobRepository.js";
import { listPublishedPolicyVersions } from "../../repositories/policyVersionRepository.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import type {
  cookieTableOutput,
  jobStatusInput,
  jobStatusOutput,
  privacySettingsOutput,
  sitePrivacyInput,
  updatePrivacySettingsInput,
  updatePrivacySettingsOutput,
} from "./privacy.schema.js";

type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export async function effectivePolicyHandler({ ctx, input }: Args<typeof sitePrivacyInput>): Promise<EffectivePolicy> {
  return effectivePolicyOfSite(ctx.db, await getSite(ctx.tenant.scope, input.siteId));
}

export async function cookieTableHandler({ ctx, input }: Args<typeof sitePrivacyInput>): Promise<z.infer<typeof cookieTableOutput>> {
  const policy = await effectivePolicyOfSite(ctx.db, await getSite(ctx.tenant.scope, input.siteId));
  return cookieTable(policy).map((row) => ({ ...row, clauses: [...row.clauses] }));
}

export async function privacySettingsHandler({ ctx, input }: Args<typeof sitePrivacyInput>): Promise<z.infer<typeof privacySettingsOutput>> {
  const site = await getSite(ctx.tenant.scope, input.siteId);
  const { policyId, policyVersion, settings } = site.privacy;
  const document = await getPolicyVersion(ctx.db, policyId, policyVersion);
  const versions = await listPublishedPolicyVersions(ctx.db, [policyId]);
  return {
    policyId,
    policyVersion,
    publishedVersions: versions.map((v) => ({ version: v.version, revisedOn: v.document.revisedOn, publishedAt: v.publishedAt.toISOString() })),
    settings: {
      ...settings,
      nonSensitiveSelectors: [...settings.nonSensitiveSelectors],
      maskedSelectors: [...settings.maskedSelectors],
      blockedSelectors: [...settings.blockedSelectors],
      retentionDays: { ...settings.retentionDays },
    },
    bounds: {
      minimumTextMasking: document.textMasking.minimumLevel,
      minimumConsentMode: document.consent.minimumMode,
      maxNonSensitiveSelectors: document.inputMasking.nonSensitiveSelectors.maxCount,
      retention: {
        rawRecordings: { ...document.retention.rawRecordings },
        sessionMetadata: { ...document.retention.sessionMetadata },
        aggregates: { ...document.retention.aggregates },
      },
    },
  };
}

export async function updatePrivacySettingsHandler({ ctx, input }: Args<typeof updatePrivacySettingsInput>): Promise<z.infer<typeof updatePrivacySettingsOutput>> {
  const result = await updateSitePrivacy(tenantCallOf(ctx), input.siteId, { settings: input.settings, policyVersion: input.policyVersion });
  return {
    policyId: result.site.privacy.policyId,
    policyVersion: result.site.privacy.policyVersion,
    tightened: result.tightening.reasons,
    jobId: result.jobId,
  };
}

export async function jobStatusHandler({ ctx, input }: Args<typeof jobStatusInput>): Promise<z.infer<typeof jobStatusOutput>> {
  const job = await findJob(ctx.tenant.scope, input.jobId);
  if (!job) throw notFound("Job");
  return {
    jobId: job._id,
    type: job.type,
    state: job.state,
    progress: job.progress,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    error: job.error,
    result: job.result,
  };
}
