import type { Db } from "mongodb";
import { collections, type Role } from "../../db/collections.js";

export interface MyTenant {
  tenantId: string;
  name: string;
  role: Role;
}

export async function listMyTenants(db: Db, userId: string): Promise<MyTenant[]> {
  const { memberships, tenants } = collections(db);
  const mine = await memberships.find({ userId }).limit(1000).toArray();
  const docs = await tenants.find({ _id: { $in: mine.map((m) => m.tenantId) } }).toArray();
  const names = new Map(docs.map((doc) => [doc._id, doc.name]));
  return mine
    .filter((m) => names.has(m.tenantId))
    .map((m) => ({ tenantId: m.tenantId, name: names.get(m.tenantId) as string, role: m.role }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
