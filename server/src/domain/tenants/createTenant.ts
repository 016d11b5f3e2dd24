import type { Db } from "mongodb";
import type { AuditActor, TenantDoc } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { upsertMembership } from "../../repositories/membershipRepository.js";
import { insertTenant } from "../../repositories/tenantRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { recordAudit } from "../audit/recordAudit.js";

/**
 * A new organisation with its creator as owner. Without transactions the steps run in an
 * order where every intermediate state is harmless: a tenant without an owner is invisible
 * to everyone, and the membership upsert is idempotent.
 */
export async function createTenant(input: { db: Db; ownerId: string; actor: AuditActor; name: string; now: Date }): Promise<TenantDoc> {
  const tenant: TenantDoc = { _id: newId("tenant"), name: input.name, createdAt: input.now };
  await insertTenant(input.db, tenant);
  const scope = tenantScope(input.db, tenant._id);
  await upsertMembership(scope, { _id: newId("membership"), userId: input.ownerId, role: "owner", createdAt: input.now });
  await recordAudit({ scope, actor: input.actor, now: input.now }, "tenant.create", { type: "tenant", id: tenant._id }, { name: tenant.name });
  return tenant;
}
