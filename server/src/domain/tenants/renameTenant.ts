import type { TenantDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { setTenantName } from "../../repositories/tenantRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

export async function renameTenant(call: TenantCall, name: string): Promise<TenantDoc> {
  const tenant = await setTenantName(call.scope, name);
  if (!tenant) throw notFound("Tenant");
  await recordAudit(call, "tenant.rename", { type: "tenant", id: tenant._id }, { name });
  return tenant;
}
