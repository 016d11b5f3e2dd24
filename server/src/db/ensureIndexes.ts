import type { Db, IndexDescription } from "mongodb";

/**
 * Every index the product relies on, created at start-up (idempotent: createIndexes with an
 * identical spec is a no-op). Unique compound keys are the design for every upsert target:
 * they make concurrent writers from several processes safe without transactions.
 *
 * Sharding: the configuration collections below are small and stay unsharded; their unique
 * keys (email, siteKey, key hash) must be global. The high-volume analytics collections added
 * by ingestion shard on tenantId-prefixed keys (see README "Running on a real MongoDB").
 */
export const indexSpecs: Record<string, IndexDescription[]> = {
  users: [{ key: { email: 1 }, unique: true, name: "email_unique" }],
  authSessions: [
    { key: { expiresAt: 1 }, expireAfterSeconds: 0, name: "expires_ttl" },
    { key: { userId: 1 }, name: "user" },
  ],
  memberships: [
    { key: { tenantId: 1, userId: 1 }, unique: true, name: "tenant_user_unique" },
    { key: { userId: 1 }, name: "user" },
  ],
  invitations: [
    { key: { tenantId: 1, email: 1 }, unique: true, name: "tenant_email_unique" },
    { key: { expiresAt: 1 }, expireAfterSeconds: 0, name: "expires_ttl" },
  ],
  sites: [
    { key: { siteKey: 1 }, unique: true, name: "siteKey_unique" },
    { key: { tenantId: 1, createdAt: -1 }, name: "tenant_created" },
  ],
  apiKeys: [
    { key: { hash: 1 }, unique: true, name: "hash_unique" },
    { key: { tenantId: 1, createdAt: -1 }, name: "tenant_created" },
  ],
  auditLog: [{ key: { tenantId: 1, at: -1, _id: -1 }, name: "tenant_at" }],
  rateLimits: [{ key: { expiresAt: 1 }, expireAfterSeconds: 0, name: "expires_ttl" }],
};

export async function ensureIndexes(db: Db, specs: Record<string, IndexDescription[]> = indexSpecs): Promise<void> {
  for (const [collection, indexes] of Object.entries(specs)) {
    await db.collection(collection).createIndexes(indexes);
  }
}
