import { createGunzip, gunzipSync } from "node:zlib";
import { JsonStructureScanner, type JsonStructureLimit, type JsonStructureLimits } from "./jsonStructureScanner.js";

export interface BatchBodyLimits extends JsonStructureLimits {
  /** Largest body after decompression. */
  maxDecompressedBytes: number;
}

export type BatchBodyLimit = JsonStructureLimit | "decompressedBytes" | "gzip";

export type DecodedBatchBody =
  | { kind: "ok"; text: Buffer; values: number; inflatedBytes: number }
  | { kind: "refused"; limit: BatchBodyLimit; message: string; inflatedBytes: number };

/** Inflated output is handed over (and scanned) in pieces of this size. */
const inflateChunkBytes = 64 * 1024;

/**
 * The body as JSON text, checked against every structural limit WHILE it is inflated: each
 * inflated piece is scanned before the next is made, and the first limit crossed stops the
 * inflation, so a small gzip bomb costs the bytes up to that point, never its whole output.
 * `inflatedBytes` says how many were made in all (the memory test asserts on it).
 */
export function decodeBatchBody(body: Buffer, encoding: "gzip" | "identity", limits: BatchBodyLimits): Promise<DecodedBatchBody> {
  const scanner = new JsonStructureScanner(limits);
  if (encoding === "identity") {
    if (body.length > limits.maxDecompressedBytes) {
      return Promise.resolve({ kind: "refused", limit: "decompressedBytes", message: `larger than ${limits.maxDecompressedBytes} bytes`, inflatedBytes: 0 });
    }
    return Promise.resolve(scanWhole(scanner, body));
  }
  // The recorder's batches inflate to a few kB: in one synchronous call, capped at one piece, they
  // cost a third less CPU than a stream's round trips through the thread pool. Larger ones stream.
  let small: Buffer | undefined;
  try {
    small = gunzipSync(body, { maxOutputLength: inflateChunkBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_BUFFER_TOO_LARGE") {
      return Promise.resolve({ kind: "refused", limit: "gzip", message: "not valid gzip data", inflatedBytes: 0 });
    }
  }
  if (small) return Promise.resolve(scanWhole(scanner, small));
  return new Promise((resolve) => {
    const gunzip = createGunzip({ chunkSize: inflateChunkBytes });
    const pieces: Buffer[] = [];
    let inflatedBytes = 0;
    let settled = false;
    const finish = (outcome: DecodedBatchBody) => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      // What the synchronous attempt inflated and threw away counts too.
      resolve({ ...outcome, inflatedBytes: outcome.inflatedBytes + inflateChunkBytes });
    };
    gunzip.on("data", (piece: Buffer) => {
      if (settled) return;
      inflatedBytes += piece.length;
      if (inflatedBytes > limits.maxDecompressedBytes) return finish(tooLarge(limits, inflatedBytes));
      const problem = scanner.write(piece);
      if (problem) return finish({ kind: "refused", ...problem, inflatedBytes });
      pieces.push(piece);
    });
    gunzip.on("end", () => {
      finish({ kind: "ok", text: pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces, inflatedBytes), values: scanner.figures().values, inflatedBytes });
    });
    gunzip.on("error", () => finish({ kind: "refused", limit: "gzip", message: "not valid gzip data", inflatedBytes }));
    gunzip.end(body);
  });
}

function scanWhole(scanner: JsonStructureScanner, text: Buffer): DecodedBatchBody {
  const problem = scanner.write(text);
  if (problem) return { kind: "refused", ...problem, inflatedBytes: text.length };
  return { kind: "ok", text, values: scanner.figures().values, inflatedBytes: text.length };
}

function tooLarge(limits: BatchBodyLimits, inflatedBytes: number): DecodedBatchBody {
  return { kind: "refused", limit: "decompressedBytes", message: `larger than ${limits.maxDecompressedBytes} bytes once decompressed`, inflatedBytes };
}
