import { batchPayloadJson, type BatchHeader } from "./batchPayload.js";
import { contained } from "./contained.js";
import type { EventQueue, QueueTake } from "./eventQueue.js";
import { classifyCollectResponse, retryDelayMs, type CollectOutcome } from "./retryPolicy.js";

// The recorder's bounds. Each stays inside the collect endpoint's (`collectLimits` in
// server/src/ingest/collectPayload.schema.ts); batchUploader.test.ts checks that it does.
export const flushIntervalMs = 5_000;
/** Once this much is waiting, a batch goes before the interval is up. */
const earlyFlushEvents = 500;
const earlyFlushChars = 262_144;
export const maxBatchEvents = 1_000;
/**
 * Characters of event JSON in one batch (an event bigger than this goes alone). Gzip brings a
 * megabyte of rrweb JSON well under the 1 MiB body limit, and even at 3 UTF-8 bytes a character
 * it stays under the 8 MiB decompressed one; without gzip, ASCII stays under the body limit.
 */
export const maxBatchChars = 1_024_000;
export const maxBodyBytes = 1_048_576;
/**
 * Browsers let a page have 64 KiB of keepalive bodies in flight. A hidden page that is then closed
 * flushes twice; the second request may find the budget used and fail, losing only what was
 * recorded in between.
 */
const keepaliveBudgetBytes = 61_440;
/** Room for the batch header within the keepalive budget. */
const headerReserveChars = 2_048;
/** What the queue holds at most while the collect server is slow or unreachable. */
export const maxQueuedEvents = 20_000;
export const maxQueuedChars = 8_388_608;
/** Sends of one batch before it is given up: at most about two minutes of backoff. */
export const maxAttempts = 8;

export interface EncodedBody {
  /** What fetch sends: the gzip stream read out whole, or the JSON encoded as UTF-8. */
  readonly bytes: ArrayBuffer | Uint8Array<ArrayBuffer>;
  readonly encoding: "gzip" | "identity";
}

export interface Uploader {
  /** Forms and sends the next batch unless one is already on its way. */
  flush(): void;
  /**
   * On pagehide or hidden: sends the next batch that fits the keepalive budget, at once and
   * uncompressed (compression is asynchronous, and an unloading page may not wait for it). A batch
   * already on its way is left to its own request, which has usually finished uploading by then.
   */
  flushOnHide(): void;
  /** Whether enough is waiting to send before the interval is up. */
  readonly due: boolean;
  /** Nothing left to send: no batch on its way or waiting to be sent again, no event queued. */
  readonly idle: boolean;
  dispose(): void;
}

interface Batch {
  readonly json: string;
  readonly events: number;
  body?: EncodedBody;
}

/**
 * Sends batches one at a time, in order. Each batch has a sequence number within the page view;
 * a retry sends the same bytes under the same number, and the server stores a (session, page,
 * seq) once, so sending a batch twice is always safe. Network errors, 429 and 5xx are retried
 * with backoff, jitter and Retry-After; other 4xx drop the batch; 403 and a batch the server
 * refused on purpose stop the recording.
 *
 * `header` gives the batch fields around the events (`dropped` counts the events lost since the
 * last batch); `onStored`: a batch was stored (or had been before); `onStop`: the server wants no
 * more from this page (403, or a batch it dropped on purpose). Positional, not an options object:
 * an object's property names would stay in the minified recorder.js.
 */
export function createUploader(
  collectUrl: string,
  queue: EventQueue,
  header: (seq: number, dropped: number) => BatchHeader,
  onStored: () => void,
  onStop: () => void,
): Uploader {
  let nextSeq = 0;
  /** The batch on its way, or waiting to be sent again. */
  let batch: Batch | null = null;
  let attempt = 0;
  let disposed = false;

  const take = (maxChars: number) => queue.take(maxBatchEvents, maxChars);
  const batchOf = (taken: QueueTake | null): Batch | null =>
    taken && { json: batchPayloadJson(header(nextSeq++, taken.dropped), taken.events), events: taken.events.length };

  const send = async (): Promise<void> => {
    // Disposing sets `batch` to null, which ends this loop wherever it is waiting.
    for (let current = batch; current && current === batch; current = batch) {
      current.body ??= await encode(current.json);
      if (current !== batch) return;
      // Over the server's limit (an event full of incompressible data), a batch is not sent at all.
      const outcome = current.body.bytes.byteLength > maxBodyBytes ? "too-big" : await post(collectUrl, current.body, false);
      if (current !== batch) return;
      if (typeof outcome === "object" && ++attempt < maxAttempts) {
        await new Promise((resume) => setTimeout(resume, retryDelayMs(attempt - 1, outcome.retryAfterMs)));
        continue;
      }
      batch = null;
      attempt = 0;
      if (outcome === "stop") return onStop();
      if (outcome === "stored") onStored();
      // Given up after the last attempt, or too big to send: the next batch says how many were lost.
      else if (outcome !== "discard") queue.countDropped(current.events);
      if (uploader.due) batch = batchOf(take(maxBatchChars));
    }
  };

  const uploader: Uploader = {
    flush() {
      if (disposed || batch) return;
      batch = batchOf(take(maxBatchChars));
      if (batch) contained(send)();
    },
    flushOnHide() {
      const taken = disposed ? null : take(keepaliveBudgetBytes - headerReserveChars);
      if (!taken) return;
      const next = batchOf(taken) as Batch;
      const body = identityBody(next.json);
      if (body.bytes.byteLength > keepaliveBudgetBytes) {
        // Over the budget (one large event, or multi-byte text): it waits for the page's return.
        queue.putBack(taken);
        nextSeq--;
        return;
      }
      void post(collectUrl, body, true).then(
        contained((outcome: CollectOutcome) => {
          if (outcome === "stop") onStop();
        }),
      );
    },
    get due() {
      return queue.length >= earlyFlushEvents || queue.chars >= earlyFlushChars;
    },
    get idle() {
      return !batch && !queue.length;
    },
    dispose() {
      disposed = true;
      batch = null;
    },
  };
  return uploader;
}

/** Gzip where the browser has CompressionStream (a ReferenceError where it has not: sent uncompressed then). */
async function encode(json: string): Promise<EncodedBody> {
  try {
    const compressed = new Blob([json]).stream().pipeThrough(new CompressionStream("gzip"));
    return { bytes: await new Response(compressed).arrayBuffer(), encoding: "gzip" };
  } catch {
    return identityBody(json);
  }
}

function identityBody(json: string): EncodedBody {
  return { bytes: new TextEncoder().encode(json), encoding: "identity" };
}

/**
 * Bytes without a Content-Type header (fetch sets none for a byte array; the collect endpoint
 * reads a missing type as text) with the encoding in the query string keep this a CORS simple
 * request: no preflight on every tenant page. No credentials: the collect server's cookies (if any) are none
 * of the tenant's business (MS-1.12), and the Referer carries at most the page's origin.
 */
async function post(collectUrl: string, body: EncodedBody, keepalive: boolean): Promise<CollectOutcome> {
  const url = new URL(collectUrl);
  url.searchParams.set("enc", body.encoding);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      body: body.bytes,
      credentials: "omit",
      referrerPolicy: "strict-origin",
      keepalive,
    });
  } catch {
    return { retryAfterMs: null };
  }
  const answer: unknown = response.status === 200 ? await response.json().catch(() => null) : null;
  return classifyCollectResponse(response.status, answer, response.headers.get("Retry-After"));
}
