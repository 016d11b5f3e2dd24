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
  policyVersions: [{ key: { policyId: 1, version: -1 }, unique: true, name: "policy_version_unique" }],
  apiKeys: [
    { key: { hash: 1 }, unique: true, name: "hash_unique" },
    { key: { tenantId: 1, createdAt: -1 }, name: "tenant_created" },
  ],
  auditLog: [
    { key: { tenantId: 1, at: -1, _id: -1 }, name: "tenant_at" },
    // Sparse: entries from before the hash chain have no seq. One writer wins each seq.
    { key: { chain: 1, seq: 1 }, unique: true, sparse: true, name: "chain_seq_unique" },
  ],
  rateLimits: [{ key: { expiresAt: 1 }, expireAfterSeconds: 0, name: "expires_ttl" }],
  jobs: [
    { key: { state: 1, leaseUntil: 1 }, name: "claimable" },
    { key: { tenantId: 1, createdAt: -1 }, name: "tenant_created" },
  ],

  // Analytics: the unique key of each is its upsert target and starts with its shard key.
  sessions: [
    { key: { tenantId: 1, siteId: 1, sessionKey: 1 }, unique: true, name: "session_unique" },
    { key: { tenantId: 1, siteId: 1, firstSeenAt: -1, _id: -1 }, name: "site_newest" },
    { key: { tenantId: 1, firstSeenAt: -1, _id: -1 }, name: "tenant_newest" },
    // Visitor erasure finds a visitor's sessions and chunks by their site-scoped key.
    { key: { tenantId: 1, siteId: 1, visitorKey: 1 }, name: "site_visitor" },
  ],
  pageViews: [
    { key: { tenantId: 1, siteId: 1, sessionKey: 1, pageId: 1 }, unique: true, name: "page_unique" },
    // A heatmap draws over a recent page view of its page and breakpoint.
    { key: { tenantId: 1, siteId: 1, urlKey: 1, breakpoint: 1, startedAt: -1 }, name: "page_recent" },
    // sessions.list's URL filter joins page views on the session key alone (the form of $lookup every server runs).
    { key: { sessionKey: 1, urlKey: 1 }, name: "session_url" },
    // Visitor erasure deletes a visitor's page views by their site-scoped key.
    { key: { tenantId: 1, siteId: 1, visitorKey: 1 }, name: "site_visitor" },
  ],
  recordingChunks: [
    { key: { tenantId: 1, siteId: 1, sessionKey: 1, pageId: 1, seq: 1 }, unique: true, name: "chunk_unique" },
    { key: { "rollup.state": 1, "rollup.claimedUntil": 1 }, name: "rollup_pending" },
    // A derivation round claims a chunk by `_id` and no claim yet (derivationRepository): on MongoDB
    // the `_id` index serves that filter alone; the offline database serves a filter from an index
    // only when it names exactly that index's fields, and would scan every chunk for each claim.
    { key: { _id: 1, "rollup.claim": 1 }, unique: true, name: "claim_by_id" },
    { key: { tenantId: 1, siteId: 1, receivedAt: 1 }, name: "site_received" },
    { key: { tenantId: 1, siteId: 1, "context.visitorKey": 1 }, name: "site_visitor" },
  ],
  heatmapRollups: [
    { key: { tenantId: 1, siteId: 1, urlKey: 1, breakpoint: 1, day: 1, kind: 1 }, unique: true, name: "heatmap_unique" },
  ],
  scrollRollups: [{ key: { tenantId: 1, siteId: 1, urlKey: 1, breakpoint: 1, day: 1 }, unique: true, name: "scroll_unique" }],
  pageDaily: [{ key: { tenantId: 1, siteId: 1, urlKey: 1, day: 1 }, unique: true, name: "page_day_unique" }],
  siteDaily: [{ key: { tenantId: 1, siteId: 1, day: 1 }, unique: true, name: "site_day_unique" }],
  clickTargetDaily: [{ key: { tenantId: 1, siteId: 1, urlKey: 1, day: 1, selector: 1 }, unique: true, name: "click_target_unique" }],
  siteBreakdownDaily: [{ key: { tenantId: 1, siteId: 1, day: 1, dimension: 1, value: 1 }, unique: true, name: "site_breakdown_unique" }],
  piiViolations: [
    // Survey answers' violations (MS-1.13) have no chunk: the response id keeps them apart.
    {
      key: { tenantId: 1, siteId: 1, sessionKey: 1, pageId: 1, seq: 1, surveyResponseId: 1, index: 1 },
      unique: true,
      name: "violation_source_unique",
    },
    { key: { tenantId: 1, detectedAt: -1 }, name: "tenant_detected" },
    { key: { tenantId: 1, siteId: 1, detectedAt: -1, _id: -1 }, name: "site_detected" },
    { key: { tenantId: 1, siteId: 1, visitorKey: 1 }, name: "site_visitor" },
  ],
  optOuts: [
    { key: { tenantId: 1, siteId: 1, visitorKey: 1 }, unique: true, name: "optout_unique" },
    { key: { tenantId: 1, at: -1 }, name: "tenant_at" },
  ],

  // Compliance records (db/complianceCollections.ts).
  purges: [
    { key: { activeKey: 1 }, unique: true, sparse: true, name: "active_unique" },
    { key: { state: 1, requestedAt: 1 }, name: "claimable" },
    { key: { tenantId: 1, requestedAt: -1 }, name: "tenant_requested" },
  ],
  // One erasure in progress per visitor of a site (activeKey), found by the runner like purges.
  erasures: [
    { key: { activeKey: 1 }, unique: true, sparse: true, name: "active_unique" },
    { key: { state: 1, requestedAt: 1 }, name: "claimable" },
    { key: { tenantId: 1, requestedAt: -1 }, name: "tenant_requested" },
  ],
  surveys: [{ key: { tenantId: 1, siteId: 1, status: 1, createdAt: -1 }, name: "site_status" }],
  surveyResponses: [
    { key: { tenantId: 1, siteId: 1, responseId: 1 }, unique: true, name: "survey_response_unique" },
    { key: { tenantId: 1, surveyId: 1, receivedAt: -1, _id: -1 }, name: "survey_newest" },
    { key: { tenantId: 1, siteId: 1, visitorKey: 1 }, name: "site_visitor" },
  ],
  complaints: [
    { key: { reference: 1 }, unique: true, name: "reference_unique" },
    { key: { tenantId: 1, receivedAt: -1, _id: -1 }, name: "tenant_newest" },
    { key: { deleteAfter: 1 }, name: "delete_after" },
  ],
};

/**
 * Indexes replaced by one with another key, dropped once the replacement exists (a name cannot
 * be reused for a new key on a database that has the old one).
 */
export const retiredIndexes: Record<string, string[]> = {
  piiViolations: ["violation_unique"],
};

export async function ensureIndexes(db: Db, specs: Record<string, IndexDescription[]> = indexSpecs): Promise<void> {
  for (const [collection, indexes] of Object.entries(specs)) {
    await db.collection(collection).createIndexes(indexes);
  }
  for (const [collection, names] of Object.entries(retiredIndexes)) {
    if (!(collection in specs)) continue;
    const existing = new Set((await db.collection(collection).listIndexes().toArray()).map((index) => index.name as string));
    for (const name of names) if (existing.has(name)) await db.collection(collection).dropIndex(name);
  }
}
