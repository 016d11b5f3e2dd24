import type { Db } from "mongodb";
import { collections, type ApiKeyDoc } from "../db/collections.js";
import type { TenantScope } from "./tenantScope.js";

export async function insertApiKey(scope: TenantScope, key: Omit<ApiKeyDoc, "tenantId">): Promise<ApiKeyDoc> {
  const doc: ApiKeyDoc = { ...key, tenantId: scope.tenantId };
  await collections(scope.db).apiKeys.insertOne(doc);
  return doc;
}

export function listApiKeys(scope: TenantScope): Promise<ApiKeyDoc[]> {
  return collections(scope.db).apiKeys.find({ tenantId: scope.tenantId }).sort({ createdAt: -1 }).limit(1000).toArray();
}

export async function revokeApiKey(scope: TenantScope, keyId: string, now: Date): Promise<ApiKeyDoc | null> {
  const apiKeys = collections(scope.db).apiKeys;
  // Only a live key is stamped, so a second revocation keeps the first time. ($min cannot do
  // this: a live key stores revokedAt null, and null sorts below every date, so it stayed live.)
  const revoked = await apiKeys.findOneAndUpdate({ tenantId: scope.tenantId, _id: keyId, revokedAt: null }, { $set: { revokedAt: now } }, { returnDocument: "after" });
  return revoked ?? apiKeys.findOne({ tenantId: scope.tenantId, _id: keyId });
}

/** A key is found by its secret's hash before its tenant is known: the secret is the proof. */
export function findLiveApiKeyByHash(db: Db, hash: string): Promise<ApiKeyDoc | null> {
  return collections(db).apiKeys.findOne({ hash, revokedAt: null });
}

export async function stampApiKeyUse(db: Db, keyId: string, now: Date): Promise<void> {
  await collections(db).apiKeys.updateOne({ _id: keyId }, { $set: { lastUsedAt: now } });
}
