import type { Db } from "mongodb";
import type { Role } from "../../db/collections.js";
import { listMembershipsOfUser } from "../../repositories/membershipRepository.js";
import { listTenantsByIds } from "../../repositories/tenantRepository.js";

export interface MyTenant {
  tenantId: string;
  name: string;
  role: Role;
}

export async function listMyTenants(db: Db, userId: string): Promise<MyTenant[]> {
  const mine = await listMembershipsOfUser(db, userId);
  const docs = await listTenantsByIds(db, mine.map((m) => m.tenantId));
  const names = new Map(docs.map((doc) => [doc._id, doc.name]));
  return mine
    .filter((m) => names.has(m.tenantId))
    .map((m) => ({ tenantId: m.tenantId, name: names.get(m.tenantId) as string, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
