import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { Db } from "mongodb";
import { collections, type SiteDoc } from "../db/collections.js";
import { effectivePolicyOfSite } from "../domain/privacy/effectivePolicyOfSite.js";

export interface ResolvedSite {
  site: SiteDoc;
  policy: EffectivePolicy;
}

export interface SiteDirectory {
  lookup(siteKey: string): Promise<ResolvedSite | null>;
}

/**
 * Site keys resolved to a site and its effective policy, cached briefly per process: ingestion
 * would otherwise read the site on every batch. A change to a site (origins, privacy settings)
 * reaches every process within `ttlMs`; unknown keys are cached too, so a flood of bad keys
 * costs one read per key per TTL.
 */
export function createSiteDirectory(db: Db, options: { ttlMs?: number; maxEntries?: number } = {}): SiteDirectory {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { value: Promise<ResolvedSite | null>; expiresAt: number }>();
  return {
    lookup(siteKey) {
      const now = Date.now();
      const hit = cache.get(siteKey);
      if (hit && hit.expiresAt > now) return hit.value;
      if (cache.size >= maxEntries) cache.clear();
      const value = (async () => {
        const site = await collections(db).sites.findOne({ siteKey });
        return site ? { site, policy: await effectivePolicyOfSite(db, site) } : null;
      })();
      // A failed read is not cached: the next batch tries again.
      value.catch(() => cache.delete(siteKey));
      cache.set(siteKey, { value, expiresAt: now + ttlMs });
      return value;
    },
  };
}
