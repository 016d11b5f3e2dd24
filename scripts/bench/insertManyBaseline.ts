import type { Collection, Db, Document } from "mongodb";
import { analyticsCollections } from "@mousetrail/server/db/analyticsCollections";
import type { StoredChunk } from "./derivation.js";

/**
 * Baseline B2: the database alone writing what ingestion wrote. The chunks an ingest round
 * stored are inserted again, unchanged but for their key (the session key is prefixed, so the
 * unique key differs), with `insertMany({ ordered: false })`: one call per chunk (a request
 * stores one chunk), `concurrency` calls in flight, from this process, into one collection that
 * has recordingChunks' indexes and, before each measured pass, holds as many documents as
 * recordingChunks held before the ingest round (it is topped up, untimed, with copies): so
 * both write the same documents into collections of the same size, and both grow alike.
 */
export interface InsertManyBaseline {
  /** Fills the collection up to `documents` with re-keyed copies of `sample` (untimed). */
  topUp(documents: number, sample: readonly StoredChunk[]): Promise<void>;
  /** One timed pass over `chunks`. */
  run(chunks: readonly StoredChunk[], options: { concurrency: number }): Promise<InsertManyResult>;
  drop(): Promise<void>;
}

export interface InsertManyResult {
  documents: number;
  events: number;
  elapsedMs: number;
  /** Documents the collection held before the pass. */
  heldBefore: number;
}

const collectionName = "benchB2Chunks";
const topUpBatch = 500;

export async function prepareInsertManyBaseline(db: Db): Promise<InsertManyBaseline> {
  const source = analyticsCollections(db).recordingChunks;
  const target: Collection<Document> = db.collection(collectionName);
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
  let held = await target.countDocuments({});
  let copies = 0;
  const copy = (chunk: StoredChunk): Document => ({ ...chunk, sessionKey: `b2.${copies++}.${chunk.sessionKey}` });

  return {
    async topUp(documents, sample) {
      if (sample.length === 0) throw new Error("B2: no chunks to fill its collection with");
      while (held < documents) {
        const batch = Array.from({ length: Math.min(topUpBatch, documents - held) }, (_, index) => copy(sample[(held + index) % sample.length] as StoredChunk));
        await target.insertMany(batch, { ordered: false });
        held += batch.length;
      }
    },
    async run(chunks, { concurrency }) {
      const documents = chunks.map(copy);
      const heldBefore = held;
      let next = 0;
      let events = 0;
      const slot = async () => {
        while (next < documents.length) {
          const document = documents[next++] as Document;
          await target.insertMany([document], { ordered: false });
          events += document.eventCount as number;
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: concurrency }, slot));
      const elapsedMs = performance.now() - started;
      held += documents.length;
      return { documents: documents.length, events, elapsedMs, heldBefore };
    },
    async drop() {
      await target.drop();
    },
  };
}
