import type { Db } from "mongodb";
import { findOptOuts, type OptOutKey } from "../../repositories/optOutRepository.js";

interface Waiting {
  key: OptOutKey;
  resolve(optedOut: boolean): void;
  reject(error: unknown): void;
}

/** Checks answered by one read at most; the rest wait for the next. */
const maxKeysPerRead = 500;

/**
 * MS-4.1: whether a visitor opted out of a site, exact across server processes (it always asks
 * the database: an opt-out made through another process counts from the next batch on), but in
 * one read for all the requests that ask in the same turn of the event loop, or while the
 * previous read is on its way: a busy ingest makes one opt-out read per tick, not per batch.
 */
export function isOptedOut(db: Db, key: OptOutKey): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new OptOutBatcher(db)));
  return batcher.check(key);
}

const batchers = new WeakMap<Db, OptOutBatcher>();

const keyOf = ({ tenantId, siteId, visitorKey }: OptOutKey) => `${tenantId}\u0000${siteId}\u0000${visitorKey}`;

class OptOutBatcher {
  #waiting: Waiting[] = [];
  #reading = false;

  constructor(private readonly db: Db) {}

  check(key: OptOutKey): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ key, resolve, reject });
      if (this.#reading) return;
      this.#reading = true;
      setImmediate(() => void this.#read());
    });
  }

  async #read(): Promise<void> {
    try {
      while (this.#waiting.length > 0) {
        const batch = this.#waiting.splice(0, maxKeysPerRead);
        try {
          const found = new Set((await findOptOuts(this.db, batch.map((waiting) => waiting.key))).map(keyOf));
          for (const waiting of batch) waiting.resolve(found.has(keyOf(waiting.key)));
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
        }
      }
    } finally {
      this.#reading = false;
    }
  }
}
