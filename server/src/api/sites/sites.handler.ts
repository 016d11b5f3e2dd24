import type { z } from "zod";
import { createSite } from "../../domain/sites/createSite.js";
import { deleteSite } from "../../domain/sites/deleteSite.js";
import { getSite } from "../../domain/sites/getSite.js";
import { rotateSiteKey } from "../../domain/sites/rotateSiteKey.js";
import { updateSite } from "../../domain/sites/updateSite.js";
import { listSites } from "../../repositories/siteRepository.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import { toSiteOutput, type siteOutput } from "./site.output.js";
import type { createSiteInput, siteInput, updateSiteInput } from "./site.schema.js";

type SiteOutput = z.infer<typeof siteOutput>;
type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export async function listSitesHandler({ ctx }: { ctx: TenantProcedureContext }): Promise<SiteOutput[]> {
  return (await listSites(ctx.tenant.scope)).map(toSiteOutput);
}

export async function getSiteHandler({ ctx, input }: Args<typeof siteInput>): Promise<SiteOutput> {
  return toSiteOutput(await getSite(ctx.tenant.scope, input.siteId));
}

export async function createSiteHandler({ ctx, input }: Args<typeof createSiteInput>): Promise<SiteOutput> {
  return toSiteOutput(await createSite(tenantCallOf(ctx), { name: input.name, allowedOrigins: input.allowedOrigins, timeZone: input.timeZone }));
}

export async function updateSiteHandler({ ctx, input }: Args<typeof updateSiteInput>): Promise<SiteOutput> {
  return toSiteOutput(await updateSite(tenantCallOf(ctx), input.siteId, { name: input.name, allowedOrigins: input.allowedOrigins, timeZone: input.timeZone }));
}

export async function rotateSiteKeyHandler({ ctx, input }: Args<typeof siteInput>): Promise<SiteOutput> {
  return toSiteOutput(await rotateSiteKey(tenantCallOf(ctx), input.siteId));
}

export async function deleteSiteHandler({ ctx, input }: Args<typeof siteInput>): Promise<{ deleted: true }> {
  await deleteSite(tenantCallOf(ctx), input.siteId);
  return { deleted: true };
}
