import { MongoBulkWriteError, type AnyBulkWriteOperation, type Db, type Document, type Filter, type ObjectId, type UpdateFilter, type WithId } from "mongodb";
import { analyticsCollections, type PageViewDoc, type RecordingChunkDoc, type SessionDoc } from "../db/analyticsCollections.js";

/**
 * The derivation worker's access to the analytics collections. It works across tenants (one
 * round holds the chunks of every site that sent some), so these functions take the database;
 * every document they address carries its chunk's tenantId and siteId in its filter.
 *
 * Exactly once without transactions: a round names itself (its mark) in every counting write,
 * in the same write, and each write skips a document that already carries the mark; a chunk
 * keeps the name of the round that claimed it until it is applied. A round that dies is taken
 * over under the same name with the same chunks (those still pending), so its writes that
 * landed are skipped and the rest are made. Marks are pulled once the chunks are applied; the
 * rare one a crash leaves behind after that is never used again, so harmless.
 */

/** A chunk a round holds; without `events` when the round has them in hand (claimFreshChunks' `withoutEvents`). */
export type ClaimedChunk = WithId<Omit<RecordingChunkDoc, "events">> & Partial<Pick<RecordingChunkDoc, "events">>;

/** The collections a round counts into under its mark. */
export type MarkedCollection = "sessions" | "heatmapRollups" | "scrollRollups" | "pageDaily" | "siteDaily" | "siteBreakdownDaily" | "clickTargetDaily";

export interface MarkedUpsert {
  /** The document's unique key. */
  filter: Filter<Derivable>;
  update: UpdateFilter<Derivable>;
}

/** A document a round counts into: it may carry the marks of rounds in progress. */
interface Derivable {
  derivingChunks?: string[];
  createdBy?: string;
}

interface Pending {
  id: ObjectId;
  claim: string | undefined;
}

/** Pending chunks nobody holds: never claimed, or claimed by a round whose lease ran out. */
export async function listClaimableChunks(db: Db, now: Date, limit: number): Promise<Pending[]> {
  const found = await analyticsCollections(db)
    .recordingChunks.find({ "rollup.state": "pending", "rollup.claimedUntil": { $lt: now } }, { projection: { _id: 1, "rollup.claim": 1 } })
    .limit(limit)
    .toArray();
  return found.map((chunk) => ({ id: chunk._id, claim: chunk.rollup?.claim }));
}

/**
 * Claims, for round `claim`, those of the given chunks that no round has claimed yet, then reads
 * them back: what the read returns is exactly what this round holds. A chunk without a claim is
 * pending and free (an applied chunk keeps the claim of the round that counted it, a released one
 * has none and a lease long over), so `_id` and no claim is the whole condition: one atomic
 * update per chunk, each served by an index (ensureIndexes: claim_by_id), in one command.
 */
export async function claimFreshChunks(
  db: Db,
  ids: readonly ObjectId[],
  claim: string,
  now: Date,
  leaseMs: number,
  options: { withoutEvents?: ReadonlySet<string> } = {},
): Promise<ClaimedChunk[]> {
  if (ids.length === 0) return [];
  const chunks = analyticsCollections(db).recordingChunks;
  const lease = { $set: { "rollup.claim": claim, "rollup.claimedUntil": new Date(now.getTime() + leaseMs) } };
  await chunks.bulkWrite(
    ids.map((_id) => ({ updateOne: { filter: { _id, "rollup.claim": null }, update: lease } })),
    { ordered: false },
  );
  // Read by `_id` alone and filtered here: any other field in the filter makes the offline database scan.
  // The events of chunks named in `withoutEvents` are not read (the caller has them in hand): they come back without `events`.
  const without = options.withoutEvents ?? new Set<string>();
  const read = await chunks.find({ _id: { $in: [...ids] } }, without.size ? { projection: { events: 0 } } : {}).toArray();
  const held = read.filter((chunk) => chunk.rollup.state === "pending" && chunk.rollup.claim === claim);
  const missing = held.filter((chunk) => chunk.events === undefined && !without.has(chunk._id.toHexString())).map((chunk) => chunk._id);
  const events = missing.length ? await chunks.find({ _id: { $in: missing } }, { projection: { events: 1 } }).toArray() : [];
  const eventsById = new Map(events.map((chunk) => [chunk._id.toHexString(), chunk.events]));
  // A chunk whose events were not read and not in hand was deleted between the two reads (an erasure): nothing to count.
  return held.flatMap((chunk) => {
    const key = chunk._id.toHexString();
    if (chunk.events !== undefined || without.has(key)) return [chunk];
    const found = eventsById.get(key);
    return found ? [{ ...chunk, events: found }] : [];
  });
}

/**
 * Takes over a round whose worker stopped (its lease ran out), with all its chunks still
 * pending. The round's first pending chunk is its lock: one atomic update on its _id decides
 * which worker resumes it, so two workers never split one round between them.
 */
export async function claimAbandonedRound(db: Db, claim: string, now: Date, leaseMs: number): Promise<ClaimedChunk[]> {
  const chunks = analyticsCollections(db).recordingChunks;
  const pending = await chunks.find({ "rollup.claim": claim, "rollup.state": "pending" }).sort({ _id: 1 }).toArray();
  const lock = pending[0];
  if (!lock) return [];
  const until = new Date(now.getTime() + leaseMs);
  const taken = await chunks.updateOne(
    { _id: lock._id, "rollup.claim": claim, "rollup.state": "pending", "rollup.claimedUntil": { $lt: now } },
    { $set: { "rollup.claimedUntil": until } },
  );
  if (taken.modifiedCount !== 1) return [];
  await chunks.updateMany({ "rollup.claim": claim, "rollup.state": "pending" }, { $set: { "rollup.claimedUntil": until } });
  return pending;
}

/** Gives chunks back unclaimed, before the round has counted anything of them: a later round takes them. */
export async function releaseChunks(db: Db, ids: readonly ObjectId[], claim: string): Promise<void> {
  if (ids.length === 0) return;
  await analyticsCollections(db).recordingChunks.updateMany(
    { _id: { $in: [...ids] }, "rollup.state": "pending", "rollup.claim": claim },
    { $unset: { "rollup.claim": "" }, $set: { "rollup.claimedUntil": new Date(0) } },
  );
}

/** The round's chunks are counted: the contract the benchmark reads (`rollup.appliedAt`). */
export async function markChunksApplied(db: Db, ids: readonly ObjectId[], claim: string, now: Date): Promise<void> {
  if (ids.length === 0) return;
  const chunks = analyticsCollections(db).recordingChunks;
  // Read, then write by `_id` alone: on the offline database a filter with any field beside the
  // key scans the collection (~250 ms a round at 20,000 chunks, growing with them), while `_id`
  // with `$in` is a lookup. Only the chunks this claim still holds are marked. A chunk changes
  // hands only once its lease has run out, and a round that took it over uses the same claim.
  const held = await chunks.find({ _id: { $in: [...ids] } }, { projection: { "rollup.claim": 1 } }).toArray();
  const stillHeld = held.filter((chunk) => chunk.rollup?.claim === claim).map((chunk) => chunk._id);
  if (stillHeld.length === 0) return;
  await chunks.updateMany({ _id: { $in: stillHeld } }, { $set: { "rollup.state": "applied", "rollup.appliedAt": now } });
}

export interface PageViewKey {
  tenantId: string;
  siteId: string;
  sessionKey: string;
  pageId: string;
}

/** The first stored batch of a page view (seq 0, with its full snapshot), for naming clicked elements; null before it is stored. */
export function findFirstPageChunk(db: Db, key: PageViewKey): Promise<Pick<RecordingChunkDoc, "events" | "eventsEncoding"> | null> {
  const { tenantId, siteId, sessionKey, pageId } = key;
  return analyticsCollections(db).recordingChunks.findOne({ tenantId, siteId, sessionKey, pageId, seq: 0 }, { projection: { _id: 0, events: 1, eventsEncoding: 1 } });
}

/** The page views of a round as they are before it: how deep each was scrolled, who created it. */
export async function findPageViews(db: Db, keys: readonly PageViewKey[]): Promise<Pick<PageViewDoc, keyof PageViewKey | "maxScrollDepth" | "urlKey" | "createdBy">[]> {
  // One lookup per page view by its unique key: on the offline database a `$or` of keys scans
  // the collection (~280 ms a round at 20,000 page views, growing with them).
  const projection = { _id: 0, tenantId: 1, siteId: 1, sessionKey: 1, pageId: 1, maxScrollDepth: 1, urlKey: 1, createdBy: 1 } as const;
  const found = await Promise.all(keys.map(({ tenantId, siteId, sessionKey, pageId }) => analyticsCollections(db).pageViews.findOne({ tenantId, siteId, sessionKey, pageId }, { projection })));
  return found.filter((view) => view !== null);
}

/**
 * Creates page views (`$setOnInsert` upserts on the unique key) and reports which ones this call
 * inserted. Two rounds creating one page view at once collide on the unique key; the loser's
 * upsert is repeated, and then finds the document and changes nothing.
 */
export async function createPageViews(db: Db, upserts: readonly MarkedUpsert[]): Promise<boolean[]> {
  return (await upsertEach(db, "pageViews", upserts, null)).map((outcome) => outcome.upserted);
}

/** Raises page views' last event time and depth: `$max`, so repeating it changes nothing. */
export async function extendPageViews(db: Db, updates: readonly MarkedUpsert[]): Promise<void> {
  if (updates.length === 0) return;
  await analyticsCollections(db).pageViews.bulkWrite(
    updates.map(({ filter, update }) => ({ updateOne: { filter, update } })) as AnyBulkWriteOperation<PageViewDoc>[],
    { ordered: false },
  );
}

export interface MarkedOutcome {
  /** This call inserted the document. */
  upserted: boolean;
  /** The document already carried the mark: an earlier attempt of the round counted it. */
  already: boolean;
  /** The round that created the document, when it was already counted. */
  createdBy: string | undefined;
}

/**
 * One unordered bulkWrite of `$inc`/`$min`/`$max` upserts, each applied unless its document
 * already carries `mark`, and leaving the mark in it in the same write.
 *
 * `markIsNew`: the caller made the mark up for this round and has written nothing under it to
 * this collection, so no document can carry it yet and each upsert is addressed by its unique key
 * alone (on the offline database, a filter with `derivingChunks` as well scans the collection for
 * every upsert). A round that resumes another's mark, or repeats a write, leaves it false.
 */
export function upsertMarked(db: Db, collection: MarkedCollection, upserts: readonly MarkedUpsert[], mark: string, options: { markIsNew: boolean }): Promise<MarkedOutcome[]> {
  return upsertEach(db, collection, upserts, { mark, markIsNew: options.markIsNew });
}

/** The page steps and creation day of sessions (for their bounce changes), in the order of `filters`; null for one not found. */
export async function findSessionPageSteps(db: Db, filters: readonly Filter<SessionDoc>[]): Promise<(Pick<SessionDoc, "day" | "pageSteps"> | null)[]> {
  return Promise.all(filters.map((filter) => analyticsCollections(db).sessions.findOne(filter, { projection: { _id: 0, day: 1, pageSteps: 1 } })));
}

/** Pulls a finished round's mark from the documents it counted into. */
export async function releaseMarks(db: Db, collection: MarkedCollection, filters: readonly Filter<Derivable>[], mark: string): Promise<void> {
  if (filters.length === 0) return;
  await db.collection<Derivable>(collection).bulkWrite(
    filters.map((filter) => ({ updateOne: { filter, update: { $pull: { derivingChunks: mark } } } })),
    { ordered: false },
  );
}

const maxAttempts = 3;

async function upsertEach(
  db: Db,
  collection: MarkedCollection | "pageViews",
  upserts: readonly MarkedUpsert[],
  marking: { mark: string; markIsNew: boolean } | null,
): Promise<MarkedOutcome[]> {
  const mark = marking?.mark ?? null;
  const outcomes: MarkedOutcome[] = upserts.map(() => ({ upserted: false, already: false, createdBy: undefined }));
  const target = db.collection<Derivable>(collection);
  let todo = upserts.map((_, index) => index);
  for (let attempt = 1; todo.length > 0; attempt++) {
    const operations = todo.map((index) => {
      const { filter, update } = upserts[index] as MarkedUpsert;
      const operation: AnyBulkWriteOperation<Derivable> =
        mark === null
          ? { updateOne: { filter, update, upsert: true } }
          : {
              updateOne: {
                // After a duplicate key (another round created the document meanwhile) the retry is
                // guarded again: the failed attempt may have been this round's own, repeated.
                filter: marking?.markIsNew && attempt === 1 ? filter : { ...filter, derivingChunks: { $ne: mark } },
                update: { ...update, $push: { ...(update.$push as Record<string, unknown> | undefined), derivingChunks: mark } },
                upsert: true,
              },
            };
      return operation;
    });
    const failed = new Set<number>();
    try {
      const result = await target.bulkWrite(operations, { ordered: false });
      for (const position of Object.keys(result.upsertedIds)) (outcomes[todo[Number(position)] as number] as MarkedOutcome).upserted = true;
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError) || error.result.getWriteConcernError()) throw error;
      const writeErrors = [error.writeErrors].flat();
      if (writeErrors.some((writeError) => writeError.code !== 11000) || writeErrors.length === 0) throw error;
      for (const position of Object.keys(error.result.upsertedIds)) (outcomes[todo[Number(position)] as number] as MarkedOutcome).upserted = true;
      for (const writeError of writeErrors) failed.add(todo[writeError.index] as number);
    }
    if (failed.size === 0) break;
    if (attempt === maxAttempts) throw new Error(`${collection}: ${failed.size} upserts still collide on the unique key after ${maxAttempts} attempts`);
    // A duplicate key: another writer created the document meanwhile (repeat the upsert, it now
    // matches), or, under a mark, this round already counted into it (done).
    const retry: number[] = [];
    for (const index of failed) {
      const found = mark === null ? null : await target.findOne({ ...(upserts[index] as MarkedUpsert).filter, derivingChunks: mark }, { projection: { createdBy: 1 } });
      if (found) Object.assign(outcomes[index] as MarkedOutcome, { already: true, createdBy: found.createdBy });
      else retry.push(index);
    }
    todo = retry;
  }
  return outcomes;
}
