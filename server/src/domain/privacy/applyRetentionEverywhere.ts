import type { Db } from "mongodb";
import { collections } from "../../db/collections.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { applyRetention } from "./applyRetention.js";
import { effectivePolicyOfSite } from "./effectivePolicyOfSite.js";

/** The periodic retention pass over every site (run by each server process; deletes are idempotent). */
export async function applyRetentionEverywhere(db: Db, now: Date): Promise<number> {
  let deleted = 0;
  for await (const site of collections(db).sites.find({}, { projection: { _id: 1, tenantId: 1, privacy: 1 } })) {
    const result = await applyRetention(tenantScope(db, site.tenantId), site._id, await effectivePolicyOfSite(db, site), now);
    deleted += Object.values(result).reduce((sum, count) => sum + count, 0);
  }
  return deleted;
}
