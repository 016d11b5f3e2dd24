import type { Db } from "mongodb";
import { collections, type PolicyVersionDoc } from "../db/collections.js";

/** Published policies are the platform's, readable by every tenant; newest version first per policy. */
export function listPublishedPolicyVersions(db: Db, policyIds: readonly string[]): Promise<PolicyVersionDoc[]> {
  // A policy gains a version a few times a year: the bound only guards against a runaway publisher.
  return collections(db).policyVersions.find({ policyId: { $in: [...policyIds] } }).sort({ policyId: 1, version: -1 }).limit(1000).toArray();
}

export function findPolicyVersion(db: Db, id: string): Promise<PolicyVersionDoc | null> {
  return collections(db).policyVersions.findOne({ _id: id });
}

export function findLatestPolicyVersion(db: Db, policyId: string): Promise<PolicyVersionDoc | null> {
  return collections(db).policyVersions.find({ policyId }).sort({ version: -1 }).limit(1).next();
}

/** Published versions are immutable: inserts only. A duplicate `_id` raises the driver's 11000. */
export async function insertPolicyVersion(db: Db, version: PolicyVersionDoc): Promise<void> {
  await collections(db).policyVersions.insertOne(version);
}

/** Idempotent: a version that exists is left as it is. */
export async function insertPolicyVersionIfMissing(db: Db, version: PolicyVersionDoc): Promise<void> {
  const { _id, ...fields } = version;
  await collections(db).policyVersions.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
}
