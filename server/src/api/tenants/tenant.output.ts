import { z } from "zod";
import { roles, type TenantDoc } from "../../db/collections.js";
import { isoDate } from "../common.schema.js";

export const tenantOutput = z.object({ tenantId: z.string(), name: z.string(), createdAt: isoDate });

export const myTenantOutput = z.object({ tenantId: z.string(), name: z.string(), role: z.enum(roles) });

export function toTenantOutput(tenant: TenantDoc): z.infer<typeof tenantOutput> {
  return { tenantId: tenant._id, name: tenant.name, createdAt: tenant.createdAt.toISOString() };
}
