import type { Db } from "mongodb";
import { findPageUrlKey } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import type { ScrubbedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

/**
 * MS-1.4, MS-3.1: only a page view's first batch names its page (the recorder sends `page` with
 * seq 0); the batches after it carry the clicks, movements and scrolls of the rest of the visit.
 * Each of them takes the page's urlKey from the first batch as stored, so that its chunk alone
 * (all a derivation round reads) puts it on the page's heatmaps, scroll map and daily figures.
 * Looked up once per page view and process (a bounded cache; a page view's first batch never
 * changes), by the first chunk's unique key. A batch whose first batch is not stored yet stays
 * without a urlKey; derivation waits for that first batch and takes the urlKey from the page view.
 */
export function inheritPageUrlKeyStep(db: Db, cache = new PageUrlKeyCache()) {
  return step<ScrubbedBatch, ScrubbedBatch>("inheritPageUrlKey", async (batch) => {
    const { site, sessionKey, payload } = batch;
    const key = `${site._id}:${sessionKey}:${payload.pageId}`;
    if (batch.page) {
      cache.set(key, batch.urlKey);
      return ok(batch);
    }
    let urlKey = cache.get(key);
    if (urlKey === undefined) {
      const found = await findPageUrlKey(tenantScope(db, site.tenantId), { siteId: site._id, sessionKey, pageId: payload.pageId });
      if (found === null) return ok(batch);
      urlKey = found;
      cache.set(key, urlKey);
    }
    return ok({ ...batch, urlKey });
  });
}

/** The urlKey of each recent page view, bounded: the least recently used are forgotten first. */
export class PageUrlKeyCache {
  readonly #entries = new Map<string, string>();

  constructor(private readonly maxEntries = 10_000) {}

  get(key: string): string | undefined {
    const urlKey = this.#entries.get(key);
    if (urlKey !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, urlKey);
    }
    return urlKey;
  }

  set(key: string, urlKey: string): void {
    this.#entries.delete(key);
    this.#entries.set(key, urlKey);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
