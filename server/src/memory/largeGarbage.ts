import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * V8 sizes its heap by the allocation rate, not by what is live. A batch at the collect limits
 * (8 MiB of JSON, 250,000 values) leaves ~100 MB of short-lived strings, buffers and objects
 * behind it, and 20 of them at once took the server's RSS to ~480 MB, although the batch memory
 * budget lets one such batch through at a time and what stays live is ~60-90 MB: V8 let its heap
 * grow to ~250 MB before collecting, and the buffers outside it waited for the same collection.
 * Work that has just let go of a large amount of memory says so here; once what was let go since
 * the last full collection passes `collectAfterBytes`, a full collection runs at once (measured:
 * 22-49 ms at these sizes), so the RSS follows what is live (the same flood peaked at 290-306 MB,
 * 160 MB of it the server at rest; 282 MB once the derivation took its share of the batch memory
 * budget before decoding such a chunk). Ordinary work never gets here: recorder batches are a few kB;
 * only batches estimated at 4 MiB and up (~0.5 MB of JSON) and chunks of 1 MiB of JSON and up
 * are noted (by the collect route and the derivation). A product page's snapshot (1.6 MB of
 * JSON) is noted at ~18 MB: a collection every second such batch.
 */
export interface LargeGarbage {
  /** `bytes` were let go by work that has just finished (a rough estimate, as for the batch memory budget). */
  note(bytes: number): void;
  /** Full collections run so far. */
  readonly fullCollections: number;
}

export interface LargeGarbageOptions {
  /** 32 MiB: a third of a batch at the limits, two product-page snapshots. */
  collectAfterBytes?: number;
  /** The full collection (tests pass a stand-in). */
  collect?: () => void;
}

export function createLargeGarbage(options: LargeGarbageOptions = {}): LargeGarbage {
  const { collectAfterBytes = 32 * 1024 * 1024 } = options;
  let collect = options.collect;
  let letGo = 0;
  let collections = 0;
  return {
    note(bytes) {
      letGo += bytes;
      if (letGo < collectAfterBytes) return;
      letGo = 0;
      collections++;
      collect ??= fullCollection();
      collect();
    },
    get fullCollections() {
      return collections;
    },
  };
}

/**
 * V8's full collection: `global.gc` when the process runs with --expose-gc, otherwise the same
 * function taken from a new context after setting the flag (V8 reads it when a context is made).
 */
function fullCollection(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

/** The process's one instance: the heap is the process's. */
export const largeGarbage: LargeGarbage = createLargeGarbage();
