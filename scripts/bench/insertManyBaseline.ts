import type { Collection, Db, Document } from "mongodb";
import { analyticsCollections, type RecordingChunkDoc } from "@mousetrail/server/db/analyticsCollections";

/**
 * Baseline B2: the database alone writing what ingestion wrote. The recording chunks a round
 * stored are read back and inserted again, unchanged but for a new _id, with
 * `insertMany({ ordered: false })`: one call per chunk (a request stores one chunk),
 * `concurrency` calls in flight, through the server's own client and connection pool, into a
 * collection with recordingChunks' indexes. One pass over a round's chunks takes a fraction of
 * the round's time, so passes are repeated, each into a fresh collection (the same keys cannot go
 * into one twice), until the measurement has lasted as long as the others.
 */
export interface InsertManyBaseline {
  /** The chunks stored since `since` on `siteId`, as stored, without _id. */
  storedChunks(siteId: string, since: Date): Promise<Omit<RecordingChunkDoc, "_id">[]>;
  run(chunks: readonly Document[], options: { concurrency: number; minMs: number }): Promise<InsertManyResult>;
  /** Drops the collections the passes filled. */
  clear(): Promise<void>;
}

export interface InsertManyResult {
  documents: number;
  events: number;
  elapsedMs: number;
  passes: number;
}

const maxPasses = 100;

export function prepareInsertManyBaseline(db: Db): InsertManyBaseline {
  const source = analyticsCollections(db).recordingChunks;
  const used = new Set<string>();

  const passCollection = async (pass: number): Promise<Collection<Document>> => {
    const name = `benchInsertManyChunks${pass}`;
    const target = db.collection(name);
    if (used.has(name)) return target;
    used.add(name);
    for (const index of await source.listIndexes().toArray()) {
      if (index.name === "_id_") continue;
      const { key, name: indexName, unique, sparse, partialFilterExpression } = index as Document;
      await target.createIndex(key as Document, {
        name: indexName as string,
        ...(unique ? { unique: true } : {}),
        ...(sparse ? { sparse: true } : {}),
        ...(partialFilterExpression ? { partialFilterExpression: partialFilterExpression as Document } : {}),
      });
    }
    return target;
  };

  const insertAll = async (target: Collection<Document>, chunks: readonly Document[], concurrency: number) => {
    let next = 0;
    let events = 0;
    const slot = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as Document;
        // A copy: insertMany sets _id on the documents it is given.
        await target.insertMany([{ ...chunk }], { ordered: false });
        events += chunk.eventCount as number;
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, slot));
    return { events, elapsedMs: performance.now() - started };
  };

  return {
    async storedChunks(siteId, since) {
      const chunks = await source.find({ siteId, receivedAt: { $gte: since } }).toArray();
      return chunks.map(({ _id, ...chunk }) => chunk);
    },
    async run(chunks, { concurrency, minMs }) {
      const total: InsertManyResult = { documents: 0, events: 0, elapsedMs: 0, passes: 0 };
      while (total.passes === 0 || (total.elapsedMs < minMs && total.passes < maxPasses)) {
        const target = await passCollection(total.passes);
        const pass = await insertAll(target, chunks, concurrency);
        total.documents += chunks.length;
        total.events += pass.events;
        total.elapsedMs += pass.elapsedMs;
        total.passes++;
      }
      return total;
    },
    async clear() {
      for (const name of used) await db.collection(name).drop();
      used.clear();
    },
  };
}
