import { randomBytes } from "node:crypto";
import type { Db, ObjectId } from "mongodb";
import type { Logger } from "../../logging/logger.js";
import type { BatchMemoryBudget } from "../../memory/batchMemoryBudget.js";
import type { LargeGarbage } from "../../memory/largeGarbage.js";
import { claimAbandonedRound, claimFreshChunks, listClaimableChunks } from "../../repositories/derivationRepository.js";
import { deriveRound } from "./deriveRound.js";

export interface DerivationOptions {
  /** Chunks a round takes at most. */
  maxChunksPerRound: number;
  /** How long a round holds its chunks before another worker may take the round over. */
  leaseMs: number;
  /** How often the worker looks for chunks it was not told about (other processes, crashes)... */
  pollMs: number;
  /**
   * ...backing off to this while it finds none: on a database without a usable index (the
   * offline one scans the chunks) the look costs more as data grows, and one process alone
   * never finds any.
   */
  maxPollMs: number;
  /** How long a later batch of a page view waits for the page's first batch to be counted (see deriveRound). */
  waitForFirstBatchMs: number;
  /**
   * The least time from one round's start to the next, unless `maxChunksPerRound` chunks are
   * already waiting: a round costs about twenty database commands however few chunks it holds,
   * so under load chunks gather for this long and are counted together (at 400 batches/s about
   * 200 a round instead of a handful), while a quiet site still sees a batch counted within it.
   */
  roundEveryMs: number;
  /** Where the decoded events of large chunks are reported as let go (default: the process's, memory/largeGarbage.ts). */
  largeGarbage?: LargeGarbage;
  /**
   * The memory budget the collect route's batches take (memory/batchMemoryBudget.ts): a large
   * chunk is decoded only once it has its share, so it is never decoded beside a batch at the
   * limits being parsed. Without one, chunks are decoded as they come.
   */
  memoryBudget?: BatchMemoryBudget;
}

export const defaultDerivationOptions: DerivationOptions = { maxChunksPerRound: 250, leaseMs: 60_000, pollMs: 1_000, maxPollMs: 5_000, waitForFirstBatchMs: 120_000, roundEveryMs: 500 };

/** What the write path needs of the worker: to be told that a chunk was stored. */
export interface DerivationSignal {
  /**
   * `stored`: the chunk's events as they were stored (masked), and their JSON size. The worker
   * may keep them until its next round, which then counts them without reading and decoding
   * what it just stored; it keeps only small chunks, up to a bounded total.
   */
  chunkStored(id: ObjectId, stored?: { events: readonly unknown[]; rawBytes: number }): void;
}

/**
 * Stored events a worker keeps in hand for its next round. A recorder batch is a few kB of JSON
 * and a round takes up to 250 chunks; parsed, events take about four times their JSON, so the
 * total holds at most ~16 MB of heap, beside the batch memory budget rather than in it.
 */
export const handOverLimits = { chunkBytes: 64 * 1024, totalBytes: 4 * 1024 * 1024 };

/**
 * The normal path from stored chunks to sessions, page views and rollups. Ingestion answers as
 * soon as a chunk is durable and tells the worker of this process; the worker takes the chunks
 * waiting in rounds (many per round, one round at a time), and also looks every `pollMs` (up to
 * `maxPollMs` while it finds none) for pending chunks nobody holds: stored by another process,
 * or left by a round that died. Any number of processes may run one on the same database:
 * chunks are claimed under leases.
 */
export class DerivationWorker implements DerivationSignal {
  readonly #waiting = new Map<string, ObjectId>();
  /** Events handed over with the chunks waiting (by id in hex), and their JSON bytes in all. */
  readonly #handed = new Map<string, { events: readonly unknown[]; rawBytes: number }>();
  #handedBytes = 0;
  readonly #options: DerivationOptions;
  #running: Promise<unknown> = Promise.resolve();
  #loop: Promise<void> | null = null;
  #stopped = false;
  #wake: (() => void) | null = null;
  /** Ends the pause between rounds early: a full round is waiting, or the worker stops. */
  #hurry: (() => void) | null = null;
  #lastPollAt = Number.NEGATIVE_INFINITY;
  #pollEveryMs: number;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger | null,
    private readonly now: () => Date = () => new Date(),
    options: Partial<DerivationOptions> = {},
  ) {
    this.#options = { ...defaultDerivationOptions, ...options };
    this.#pollEveryMs = this.#options.pollMs;
  }

  chunkStored(id: ObjectId, stored?: { events: readonly unknown[]; rawBytes: number }): void {
    const key = id.toHexString();
    this.#waiting.set(key, id);
    if (stored && !this.#handed.has(key) && stored.rawBytes <= handOverLimits.chunkBytes && this.#handedBytes + stored.rawBytes <= handOverLimits.totalBytes) {
      this.#handed.set(key, stored);
      this.#handedBytes += stored.rawBytes;
    }
    if (this.#waiting.size >= this.#options.maxChunksPerRound) this.#hurry?.();
    this.#wake?.();
  }

  /** Derives in the background until stopped. */
  start(): void {
    if (this.#loop || this.#stopped) return;
    this.#loop = this.#run();
  }

  /** Lets the round in progress finish; no round starts after this. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#hurry?.();
    this.#wake?.();
    await this.#loop;
    await this.#running.catch(() => undefined);
  }

  /**
   * Runs rounds until no pending chunk is left that anyone may claim now: for tests and for
   * callers that must read derived figures right after storing chunks.
   */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const derived = await this.runRound({ poll: true });
      total += derived;
      if (derived === 0 && this.#waiting.size === 0) return total;
    }
  }

  /** One round (one at a time per worker): the chunks waiting, and with `poll` those nobody holds. */
  runRound(options: { poll: boolean }): Promise<number> {
    const round = this.#running.then(() => this.#round(options.poll));
    this.#running = round.catch(() => undefined);
    return round;
  }

  async #round(poll: boolean): Promise<number> {
    const { maxChunksPerRound, leaseMs } = this.#options;
    const ids = [...this.#waiting.values()].slice(0, maxChunksPerRound);
    for (const id of ids) this.#waiting.delete(id.toHexString());
    let derived = 0;
    if (poll) {
      this.#lastPollAt = Date.now();
      const claimable = await listClaimableChunks(this.db, this.now(), maxChunksPerRound);
      // Only chunks this worker was not told of count as found: under load its own backlog is
      // always there, and would keep it looking every pollMs (a scan on the offline database).
      const told = new Set(ids.map((id) => id.toHexString()));
      const found = claimable.filter((chunk) => chunk.claim !== undefined || (!told.has(chunk.id.toHexString()) && !this.#waiting.has(chunk.id.toHexString())));
      this.#pollEveryMs = found.length > 0 ? this.#options.pollMs : Math.min(this.#options.maxPollMs, this.#pollEveryMs * 2);
      const abandoned = new Set<string>();
      for (const chunk of claimable) {
        if (chunk.claim !== undefined) abandoned.add(chunk.claim);
        else if (ids.length < maxChunksPerRound && !told.has(chunk.id.toHexString())) ids.push(chunk.id);
      }
      for (const claim of abandoned) {
        const chunks = await claimAbandonedRound(this.db, claim, this.now(), leaseMs);
        if (chunks.length) this.logger?.warn({ round: claim, chunks: chunks.length }, "finishing a derivation round whose worker stopped");
        derived += await deriveRound(this.db, claim, chunks, this.now, this.#options);
      }
    }
    const mark = `r_${randomBytes(9).toString("base64url")}`;
    // The round takes the events handed over with its chunks; whatever it does with them, they
    // are let go with it (a chunk another process took is derived there, from the database).
    const handed = new Map(ids.flatMap((id) => this.#takeHanded(id.toHexString())));
    const chunks = await claimFreshChunks(this.db, ids, mark, this.now(), leaseMs, { withoutEvents: new Set(handed.keys()) });
    // A mark made up here: nothing carries it yet, so the round's counting upserts go by key alone.
    return derived + (await deriveRound(this.db, mark, chunks, this.now, { ...this.#options, markIsNew: true, handedEvents: handed }));
  }

  /** The events handed over with a chunk, if any, no longer kept by the worker. */
  #takeHanded(key: string): [string, readonly unknown[]][] {
    const stored = this.#handed.get(key);
    if (!stored) return [];
    this.#handed.delete(key);
    this.#handedBytes -= stored.rawBytes;
    return [[key, stored.events]];
  }

  /** JSON bytes of the events the worker holds for its next round (bounded by handOverLimits.totalBytes). */
  get handedBytes(): number {
    return this.#handedBytes;
  }

  async #run(): Promise<void> {
    while (!this.#stopped) {
      let failed = false;
      let derived = 0;
      const roundStartedAt = Date.now();
      try {
        derived = await this.runRound({ poll: Date.now() - this.#lastPollAt >= this.#pollEveryMs });
      } catch (error) {
        // The round's chunks stay claimed; a round takes them over once the lease runs out.
        this.logger?.error({ err: error }, "derivation round failed");
        failed = true;
      }
      if (this.#stopped) break;
      // After a round that counted something (under load), chunks gather for the next; after an
      // empty one the next starts as soon as a chunk is stored.
      if (derived > 0) await this.#pauseUntil(roundStartedAt + this.#options.roundEveryMs);
      if (this.#stopped) break;
      if (!failed && this.#waiting.size > 0) continue;
      // After a failure only the timer wakes it: no busy loop against a database that is down.
      await sleep(failed ? this.#options.pollMs : this.#lastPollAt + this.#pollEveryMs - Date.now(), failed ? () => undefined : (wake) => (this.#wake = wake));
      this.#wake = null;
    }
  }

  /** Waits until `at`, or until a full round of chunks is waiting or the worker stops. */
  async #pauseUntil(at: number): Promise<void> {
    if (this.#waiting.size >= this.#options.maxChunksPerRound) return;
    await sleep(at - Date.now(), (hurry) => (this.#hurry = hurry));
    this.#hurry = null;
  }
}

/** Resolves after `ms` (at once if not positive), or when the function handed to `wakeWith` is called. */
function sleep(ms: number, wakeWith: (wake: () => void) => void): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    wakeWith(done);
  });
}
