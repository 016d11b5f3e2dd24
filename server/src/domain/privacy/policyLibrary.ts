import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { policyDocumentSchema, type PolicyDocument } from "@mousetrail/policies/schema/policyDocument";
import type { Db } from "mongodb";
import { notFound } from "../../errors/appError.js";
import { findLatestPolicyVersion, findPolicyVersion, insertPolicyVersionIfMissing } from "../../repositories/policyVersionRepository.js";

/** The policy every new site runs unless its tenant chooses another published version. */
export const defaultPolicyId = mouseStatsPolicyV1.id;

/** Policies shipped with the product, published on start-up if missing. */
export const builtInPolicies: readonly PolicyDocument[] = [mouseStatsPolicyV1];

export function policyVersionId(policyId: string, version: number): string {
  return `${policyId}@${version}`;
}

/** Idempotent: a version that exists is never overwritten (published versions are immutable). */
export async function publishBuiltInPolicies(db: Db, now: Date): Promise<void> {
  for (const document of builtInPolicies) {
    await insertPolicyVersionIfMissing(db, {
      _id: policyVersionId(document.id, document.version),
      policyId: document.id,
      version: document.version,
      document,
      publishedAt: now,
      publishedBy: "built-in",
    });
  }
}

// Published versions never change, so a process may keep every one it has read.
const cache = new Map<string, PolicyDocument>();

export async function getPolicyVersion(db: Db, policyId: string, version: number): Promise<PolicyDocument> {
  const id = policyVersionId(policyId, version);
  const cached = cache.get(id);
  if (cached) return cached;
  const stored = await findPolicyVersion(db, id);
  if (!stored) throw notFound(`Policy ${id}`);
  const document = policyDocumentSchema.parse(stored.document) as PolicyDocument;
  cache.set(id, document);
  return document;
}

export async function latestPolicyVersion(db: Db, policyId: string): Promise<number> {
  const latest = await findLatestPolicyVersion(db, policyId);
  if (!latest) throw notFound(`Policy ${policyId}`);
  return latest.version;
}
