import { collections, type TenantDoc } from "../../db/collections.js";
import { notFound } from "../../errors/appError.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";

export async function renameTenant(call: TenantCall, name: string): Promise<TenantDoc> {
  const tenant = await collections(call.scope.db).tenants.findOneAndUpdate(
    { _id: call.scope.tenantId },
    { $set: { name } },
    { returnDocument: "after" },
  );
  if (!tenant) throw notFound("Tenant");
  await recordAudit(call, "tenant.rename", { type: "tenant", id: tenant._id }, { name });
  return tenant;
}
