import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from "node:zlib";
import { Binary, type Filter } from "mongodb";
import { analyticsCollections, type RecordingChunkDoc } from "../db/analyticsCollections.js";
import { groupedWrite } from "./groupedWrite.js";
import { parseWithIdDeltas, stringifyWithIdDeltas } from "./nodeIdDeltas.js";
import type { TenantScope } from "./tenantScope.js";


export interface ChunkAddress {
  siteId: string;
  sessionKey: string;
  pageId: string;
  seq: number;
}

/** Stored once per (session, page, seq): a replay hits the unique index instead of a second copy. */
export async function insertChunk(scope: TenantScope, chunk: Omit<RecordingChunkDoc, "tenantId">): Promise<"inserted" | "duplicate"> {
  try {
    await groupedWrite(scope.db, "recordingChunks", [{ insertOne: { document: { ...chunk, tenantId: scope.tenantId } } }]);
    return "inserted";
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return "duplicate";
    throw error;
  }
}

/**
 * The chunk's unique key as a filter, from its address fields alone: callers may pass a whole
 * chunk, whose other fields (its events, a lease since renewed) must neither be sent nor match.
 */
function chunkKeyFilter(scope: TenantScope, { siteId, sessionKey, pageId, seq }: ChunkAddress) {
  return { tenantId: scope.tenantId, siteId, sessionKey, pageId, seq };
}

export function findChunk(scope: TenantScope, address: ChunkAddress): Promise<RecordingChunkDoc | null> {
  return analyticsCollections(scope.db).recordingChunks.findOne(chunkKeyFilter(scope, address));
}

/** A chunk's events as stored: every reader decodes them with decodeChunkEvents, every writer encodes them with encodeChunkEvents. */
export type StoredChunkEvents = Pick<RecordingChunkDoc, "events" | "rawBytes" | "storedBytes"> & { eventsEncoding: "brotli" | "brotli-id-deltas" };

/**
 * From this size on (snapshots, large mutations) the JSON is written with node ids as
 * differences (nodeIdDeltas.ts): 40-55% smaller there. A recorder batch of a few kB stays plain:
 * it holds few ids, and its second serialisation would cost the hot path more than it saves.
 */
const idDeltasFromBytes = 32 * 1024;

/**
 * Brotli at quality 5 with a 1 MiB window, chosen by measurement (scripts/bench, README's bench
 * section): on the recorder's batches (6.3 kB of JSON) 9% smaller than gzip for about the CPU of
 * a synchronous gzip and half that of the asynchronous one used before; on the realistic page's
 * 1.3-1.6 MB snapshots and mutations 16% smaller; decoding costs less than gunzip. Quality 9 and
 * up cost 20 times the CPU for 3% less; a 4 MiB window gained nothing per chunk and costs memory.
 */
const brotliParams = (bytes: number) => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: 5,
    [constants.BROTLI_PARAM_LGWIN]: 20,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes,
  },
});

/**
 * Compressed synchronously, on the event loop. On the thread pool a recorder batch cost the
 * event loop more than compressing it here (~110 us): measured in the bench, the server used
 * 2.81 ms of CPU per batch with it (0.59 ms of it in the kernel, waking pool threads on a busy
 * machine) against 2.50 ms (0.34) synchronously, and acknowledged 9% fewer batches a second. Large
 * chunks (up to 8 MiB at the limits, ~0.2 s) were already compressed here: the encoder's tens of
 * MB, allocated on the pool's threads, stayed in their malloc arenas.
 */
export async function encodeChunkEvents(events: readonly unknown[]): Promise<StoredChunkEvents> {
  const plain = JSON.stringify(events);
  const withIdDeltas = plain.length >= idDeltasFromBytes ? stringifyWithIdDeltas(events) : null;
  const json = Buffer.from(withIdDeltas ?? plain);
  // rawBytes is the plain JSON's size: what the events are, whatever the encoding.
  const rawBytes = withIdDeltas === null ? json.length : Buffer.byteLength(plain);
  const compressed = brotliCompressSync(json, brotliParams(json.length));
  return { events: new Binary(compressed), eventsEncoding: withIdDeltas === null ? "brotli" : "brotli-id-deltas", rawBytes, storedBytes: compressed.length };
}

/** The masked events of a stored chunk: brotli, brotli over ids as differences, or gzip for chunks stored before (no `eventsEncoding`). */
export async function decodeChunkEvents(chunk: Pick<RecordingChunkDoc, "events" | "eventsEncoding">): Promise<unknown[]> {
  // Synchronous, like the encoding: a recorder batch inflates in ~50 us, far less than a thread
  // pool round trip, which under load also waits behind every request queued on the event loop
  // (the derivation spent 40% of its time here). A chunk at the 8 MiB limit takes ~20 ms.
  const bytes = chunk.eventsEncoding === undefined ? gunzipSync(chunk.events.buffer) : brotliDecompressSync(chunk.events.buffer);
  const json = bytes.toString("utf8");
  return chunk.eventsEncoding === "brotli-id-deltas" ? parseWithIdDeltas(json) : (JSON.parse(json) as unknown[]);
}

/**
 * The stored chunks of one page view, in order, optionally only those before `beforeSeq`.
 * `batchSize` bounds how many chunks the cursor holds at once (a replay reads a long page
 * without loading it whole).
 */
export function listPageChunks(
  scope: TenantScope,
  page: { siteId: string; sessionKey: string; pageId: string },
  options: { beforeSeq?: number; batchSize?: number } = {},
): AsyncIterable<RecordingChunkDoc> {
  const filter: Filter<RecordingChunkDoc> = { tenantId: scope.tenantId, siteId: page.siteId, sessionKey: page.sessionKey, pageId: page.pageId };
  if (options.beforeSeq !== undefined) filter.seq = { $lt: options.beforeSeq };
  const cursor = analyticsCollections(scope.db).recordingChunks.find(filter).sort({ seq: 1 });
  return options.batchSize === undefined ? cursor : cursor.batchSize(options.batchSize);
}

/**
 * The pages of a session that have a recording, in the order they were first received. Read
 * from the chunks, the commit point, so a recording replays before its page views are derived.
 */
export async function listRecordedPages(scope: TenantScope, siteId: string, sessionKey: string): Promise<string[]> {
  const rows = await analyticsCollections(scope.db)
    .recordingChunks.aggregate<{ _id: string }>([
      { $match: { tenantId: scope.tenantId, siteId, sessionKey } },
      { $group: { _id: "$pageId", firstReceivedAt: { $min: "$receivedAt" } } },
      { $sort: { firstReceivedAt: 1, _id: 1 } },
    ])
    .toArray();
  return rows.map((row) => row._id);
}

/**
 * The urlKey of a page view as its first batch (seq 0, the one naming the page) stored it: an
 * exact unique-key lookup. Null while that batch is not stored.
 */
export async function findPageUrlKey(scope: TenantScope, page: { siteId: string; sessionKey: string; pageId: string }): Promise<string | null> {
  const first = await analyticsCollections(scope.db).recordingChunks.findOne(
    { ...chunkKeyFilter(scope, { ...page, seq: 0 }) },
    { projection: { "context.urlKey": 1, "context.page": 1 } },
  );
  return first?.context.page ? first.context.urlKey : null;
}

/**
 * MS-4.1 check: for each opted-out visitor, how many chunks of theirs were received after the
 * opt-out (zero expected). One read; every clause starts with the tenant.
 */
export async function countChunksReceivedAfter(scope: TenantScope, visitors: readonly { siteId: string; visitorKey: string; after: Date }[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (visitors.length === 0) return counts;
  const rows = await analyticsCollections(scope.db)
    .recordingChunks.aggregate<{ _id: { siteId: string; visitorKey: string }; chunks: number }>([
      // Each clause is a whole prefix of the site_visitor index, so each is an index lookup.
      { $match: { $or: visitors.map((v) => ({ tenantId: scope.tenantId, siteId: v.siteId, "context.visitorKey": v.visitorKey, receivedAt: { $gt: v.after } })) } },
      { $group: { _id: { siteId: "$siteId", visitorKey: "$context.visitorKey" }, chunks: { $sum: 1 } } },
    ])
    .toArray();
  for (const row of rows) counts.set(chunkVisitorId(row._id.siteId, row._id.visitorKey), row.chunks);
  return counts;
}

/** The key of countChunksReceivedAfter's map. */
export function chunkVisitorId(siteId: string, visitorKey: string): string {
  return `${siteId} ${visitorKey}`;
}
