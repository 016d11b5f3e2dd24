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
  return collections(scope.db).apiKeys.findOneAndUpdate(
    { tenantId: scope.tenantId, _id: keyId },
    // $min keeps the first revocation time when a key is revoked twice.
    { $min: { revokedAt: now } },
    { returnDocument: "after" },
  );
}
