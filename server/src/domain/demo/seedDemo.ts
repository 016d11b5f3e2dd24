import { randomBytes } from "node:crypto";
import type { Db } from "mongodb";
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { tenantPrivacySettingsSchema } from "@mousetrail/policies/tenantSettings";
import { collections, type SitePrivacy } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { appendAuditEntry } from "../audit/appendAuditEntry.js";
import { hashPassword } from "../auth/passwords.js";
import { newSiteKey } from "../sites/siteKey.js";
import { claimSeedMarker, markSeedDone, type SeedMarker } from "./claimSeedMarker.js";

export interface DemoLogin {
  email: string;
  password: string;
  tenantId: string;
  siteId: string;
  siteKey: string;
}

interface DemoSeedDoc extends SeedMarker {
  _id: "demoSeed";
  tenantId: string;
  siteId: string;
  userId: string;
  siteKey: string;
}

export const demoAdminEmail = "admin@mousetrail.local";

/**
 * The demo shop records right away (opt-out mode, with the opt-out link on every page) so a
 * newcomer sees data at once, shows page text in replays, and keeps what visitors type into its
 * search box (MS-1.6). Everything else stays at the policy's safest settings.
 */
const demoSitePrivacy: SitePrivacy = {
  policyId: mouseStatsPolicyV1.id,
  policyVersion: mouseStatsPolicyV1.version,
  settings: tenantPrivacySettingsSchema.parse({
    consentMode: "opt-out",
    textMasking: "inputs-only",
    nonSensitiveSelectors: ["#search"],
  }),
};
const leaseMs = 60_000;

/**
 * First start only: a demo tenant, a demo site and an admin, whose login is returned once
 * for printing. Never runs when real users exist. Without transactions it is made
 * resumable instead: the ids are fixed in a `meta` document first, every step is an
 * idempotent upsert, and a lease keeps two processes from seeding at once.
 */
export async function seedDemo(db: Db, options: { allowedOrigins: string[]; now: Date }): Promise<DemoLogin | null> {
  const { users, tenants, sites, memberships } = collections(db);
  const now = options.now;

  const seed = await claimSeedMarker<DemoSeedDoc>(
    db,
    "demoSeed",
    async () =>
      (await users.estimatedDocumentCount()) > 0
        ? null
        : {
            _id: "demoSeed",
            status: "pending",
            leaseUntil: now,
            tenantId: newId("tenant"),
            siteId: newId("site"),
            userId: newId("user"),
            siteKey: newSiteKey(),
          },
    { now, leaseMs },
  );
  if (!seed) return null;

  const password = randomBytes(12).toString("base64url");
  await tenants.updateOne({ _id: seed.tenantId }, { $setOnInsert: { name: "Demo Shop", createdAt: now } }, { upsert: true });
  await sites.updateOne(
    { _id: seed.siteId },
    {
      $setOnInsert: {
        tenantId: seed.tenantId,
        name: "Demo shop website",
        siteKey: seed.siteKey,
        createdAt: now,
        updatedAt: now,
        allowedOrigins: options.allowedOrigins,
        privacy: demoSitePrivacy,
      },
    },
    { upsert: true },
  );
  await users.updateOne(
    { _id: seed.userId },
    {
      // The password is new on every attempt, so the one printed is the one stored.
      $set: { passwordHash: await hashPassword(password), passwordChangedAt: now },
      // The first account of a fresh installation operates it: platform staff.
      $setOnInsert: { email: demoAdminEmail, name: "Demo Admin", platform: true, createdAt: now },
    },
    { upsert: true },
  );
  await memberships.updateOne(
    { tenantId: seed.tenantId, userId: seed.userId },
    { $setOnInsert: { _id: newId("membership"), role: "owner", createdAt: now } },
    { upsert: true },
  );
  // A fixed id: a first start cut short and run again appends this entry once.
  await appendAuditEntry(
    { db, tenantId: seed.tenantId },
    {
      _id: `aud_demoseed_${seed.tenantId}`,
      at: now,
      actor: { type: "system", id: "demo-seed" },
      action: "tenant.create",
      target: { type: "tenant", id: seed.tenantId },
      details: { demo: true },
    },
  );
  await markSeedDone(db, "demoSeed");
  return { email: demoAdminEmail, password, tenantId: seed.tenantId, siteId: seed.siteId, siteKey: seed.siteKey };
}
