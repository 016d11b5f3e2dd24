import type { Db } from "mongodb";
import { collections, type PolicyVersionDoc } from "../db/collections.js";

/** Published policies are the platform's, readable by every tenant; newest version first per policy. */
export function listPublishedPolicyVersions(db: Db, policyIds: readonly string[]): Promise<PolicyVersionDoc[]> {
  // A policy gains a version a few times a year: the bound only guards against a runaway publisher.
  return collections(db).policyVersions.find({ policyId: { $in: [...policyIds] } }).sort({ policyId: 1, version: -1 }).limit(1000).toArray();
}
