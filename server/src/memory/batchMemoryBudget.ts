/**
 * A weighted semaphore over the memory batches take while they are decompressed, parsed and
 * carried through the pipeline. Counting requests in flight does not bound memory: one request
 * can be a 6 kB batch or 8 MB of JSON. A batch reserves the most a batch can cost before it is
 * inflated (so decompression and parsing run only as many at once as the budget allows), then
 * settles to its estimated cost once its size is known, and releases it when answered.
 */
export interface BatchMemoryLease {
  /** What the lease holds now: the reservation, or the batch's estimate once settled; 0 once released. */
  readonly bytes: number;
  /** Lowers the reservation to `bytes` (never raises it: a raise could wait on itself). */
  settle(bytes: number): void;
  release(): void;
}

export interface BatchMemoryBudget {
  /** A lease of `bytes`, at once or in turn; null when `maxWaiting` batches already wait (answer 429). */
  acquire(bytes: number): Promise<BatchMemoryLease> | null;
  readonly inUse: number;
  readonly waiting: number;
}

/**
 * The estimated memory of a batch on its way through the pipeline: the inflated text, its string
 * and the copies the steps make (masked events, the stored chunk's JSON), and per value what the
 * parser, masking and PII scan allocate. Measured: 20 batches of 400,000 `{}` at once took the
 * server's RSS up by ~700 MB with 4 of them in the pipeline at a time (~440 bytes a value,
 * garbage not yet collected included). Rough on purpose: it bounds the sum, it is not an accounting.
 */
export function estimatedBatchMemory(rawBytes: number, values: number): number {
  return 4 * rawBytes + 300 * values;
}

export function createBatchMemoryBudget(options: { totalBytes: number; maxWaiting: number }): BatchMemoryBudget {
  let inUse = 0;
  const queue: { bytes: number; grant(lease: BatchMemoryLease): void }[] = [];

  const lease = (reserved: number): BatchMemoryLease => {
    let held = reserved;
    return {
      get bytes() {
        return held;
      },
      settle(bytes) {
        if (bytes >= held) return;
        inUse -= held - bytes;
        held = bytes;
        drain();
      },
      release() {
        inUse -= held;
        held = 0;
        drain();
      },
    };
  };
  // First come, first served: a large batch at the head is not starved by small ones behind it.
  const drain = () => {
    while (queue.length > 0) {
      const next = queue[0] as (typeof queue)[number];
      if (inUse > 0 && inUse + next.bytes > options.totalBytes) return;
      queue.shift();
      inUse += next.bytes;
      next.grant(lease(next.bytes));
    }
  };

  return {
    acquire(bytes) {
      // Alone, a batch always goes ahead, so one larger than the whole budget cannot wait forever.
      if (queue.length === 0 && (inUse === 0 || inUse + bytes <= options.totalBytes)) {
        inUse += bytes;
        return Promise.resolve(lease(bytes));
      }
      if (queue.length >= options.maxWaiting) return null;
      return new Promise((grant) => queue.push({ bytes, grant }));
    },
    get inUse() {
      return inUse;
    },
    get waiting() {
      return queue.length;
    },
  };
}
