import type { Db } from "mongodb";
import { DerivationWorker } from "../rollups/derivation/derivationWorker.js";

/**
 * Derives everything pending in `db` now, as the derivation worker of a server would soon after:
 * for tests that store chunks through the collect pipeline and then read sessions, page views
 * or rollups.
 */
export function deriveStoredChunks(db: Db): Promise<number> {
  return new DerivationWorker(db, null).drain();
}
