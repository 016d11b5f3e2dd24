// Types for offlineMongo.mjs (plain ESM, no build step).

export interface OfflineMongoOptions {
  /** Persist to this H2 MVStore file (created with its directory if missing); omitted: in memory. */
  persistFile?: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Receives the dev-only warning, fetch progress and the server's stderr; default: process.stderr. */
  onLog?: (line: string) => void;
}

export interface OfflineMongoExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface OfflineMongo {
  /** `mongodb://127.0.0.1:<port>/` */
  readonly uri: string;
  readonly port: number;
  /** The Java process's id. */
  readonly pid: number | undefined;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the Java process has exited. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the Java process exits, whether through stop() or not. */
  readonly exited: Promise<OfflineMongoExit>;
}

/**
 * Starts mongo-java-server 1.47.0 (reporting MongoDB 5.0, wire version 8) on 127.0.0.1, fetching
 * its Maven dependencies and compiling its launcher first when needed. Development and tests only.
 * The server also exits on its own when this Node process ends.
 *
 * Where it differs from MongoDB (checked against 1.47.0 with the mongodb 6.22 driver):
 * - Silently accepted but not applied: non-unique indexes (queries scan, so only unique indexes
 *   speed anything up), TTL expiry, partialFilterExpression (a partial unique index is a full one,
 *   so documents lacking the field collide on null; `sparse: true` works), collation, validators.
 * - Refused: the `hello` command (use `ping`), `explain`, sessions and transactions, change
 *   streams, update pipelines, $setWindowFields, $dateTrunc/$dateAdd/$dateDiff/$dateFromParts,
 *   $round, $switch, $isoWeek, and the $group accumulators $count/$topN/$mergeObjects/$percentile.
 * - An insert that hits a duplicate key reports n (insertedCount) as the batch size.
 */
export function startOfflineMongo(options?: OfflineMongoOptions): Promise<OfflineMongo>;
