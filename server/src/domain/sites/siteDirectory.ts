import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { Db } from "mongodb";
import type { SiteDoc } from "../../db/collections.js";
import { findActivePurgeOf } from "../../repositories/purgeRepository.js";
import { findSiteByKey } from "../../repositories/siteRepository.js";
import { effectivePolicyOfSite } from "../privacy/effectivePolicyOfSite.js";

export interface ResolvedSite {
  site: SiteDoc;
  policy: EffectivePolicy;
  /** MS-1.7: the purge in progress covering the site, if any: its batches are refused meanwhile. */
  purgeInProgress: string | null;
}

export interface SiteDirectory {
  lookup(siteKey: string): Promise<ResolvedSite | null>;
  /** Forgets a site key now (its site changed or is gone), instead of when its entry expires. */
  forget(siteKey: string): void;
}

/**
 * Site keys resolved to a site and its effective policy, cached per process: ingestion would
 * otherwise read the site on every batch. Bounded (the least recently used key goes first).
 * A change made through this process's domain functions is forgotten at once (siteChanged: a
 * purge requested or finished here too);
 * one made by another process reaches this one within `ttlMs`. Unknown keys are cached too,
 * so a flood of bad keys costs one read per key per TTL.
 */
export function createSiteDirectory(db: Db, options: { ttlMs?: number; maxEntries?: number } = {}): SiteDirectory {
  const ttlMs = options.ttlMs ?? 5_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { value: Promise<ResolvedSite | null>; expiresAt: number }>();
  const directory: SiteDirectory = {
    lookup(siteKey) {
      const now = Date.now();
      const hit = cache.get(siteKey);
      if (hit && hit.expiresAt > now) {
        cache.delete(siteKey);
        cache.set(siteKey, hit);
        return hit.value;
      }
      cache.delete(siteKey);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      const value = (async () => {
        const site = await findSiteByKey(db, siteKey);
        if (!site) return null;
        const [policy, purgeInProgress] = await Promise.all([effectivePolicyOfSite(db, site), findActivePurgeOf(db, site.tenantId, site._id)]);
        return { site, policy, purgeInProgress };
      })();
      // A failed read is not cached: the next batch tries again.
      value.catch(() => cache.delete(siteKey));
      cache.set(siteKey, { value, expiresAt: now + ttlMs });
      return value;
    },
    forget(siteKey) {
      cache.delete(siteKey);
    },
  };
  directories.add(new WeakRef(directory));
  return directory;
}

const directories = new Set<WeakRef<SiteDirectory>>();

/**
 * Explicit invalidation: called by every domain function that changes what a lookup returns
 * (origins, privacy settings, the key itself, deletion), so this process's directories stop
 * answering with the old site at once.
 */
export function siteChanged(...siteKeys: string[]): void {
  for (const reference of directories) {
    const directory = reference.deref();
    if (!directory) directories.delete(reference);
    else for (const siteKey of siteKeys) directory.forget(siteKey);
  }
}
