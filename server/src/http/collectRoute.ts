import type Router from "@koa/router";
import type { Logger } from "../logging/logger.js";
import { largeGarbage, type LargeGarbage } from "../memory/largeGarbage.js";
import { createBatchMemoryBudget, estimatedBatchMemory, type BatchMemoryBudget, type BatchMemoryLease } from "../memory/batchMemoryBudget.js";
import { collectLimits } from "../ingest/collectPayload.schema.js";
import type { CollectPipeline } from "../ingest/collectPipeline.js";
import { BodyBudgetError, BodyBytesBudget, BodySlowError, BodyTooLargeError, readBoundedBody } from "./readBoundedBody.js";
import { allowRecorderOrigins, allowRecorderPreflight, answerError, answerRecorderOutcome, browserSignalsOf } from "./recorderEndpoint.js";

export interface CollectRouteOptions {
  pipeline: CollectPipeline;
  logger: Logger;
  /** Batches processed at once by this process; beyond it the answer is 429 with Retry-After. */
  maxInFlight: number;
  /** The memory batches may hold while decompressed, parsed and processed (default: defaultBatchMemoryBudget). */
  memoryBudget?: BatchMemoryBudget;
  /** A body must have arrived within this many ms (default 15 s: 1 MiB, the body limit, at 0.6 Mbit/s). */
  bodyDeadlineMs?: number;
  /** The bytes of the bodies being received at once (default 32 MiB); past it the answer is 429. */
  receivingBytes?: number;
  /** Where what a large batch held is reported as let go once answered (default: the process's, memory/largeGarbage.ts). */
  largeGarbage?: LargeGarbage;
}

/** 4 MiB estimated (a batch of ~0.5 MB of JSON and up): what a recorder batch of a few kB never reaches. */
const largeBatchBytes = 4 * 1024 * 1024;

/** The most one batch can be estimated to cost: reserved before it is inflated. */
export const maxBatchMemory = estimatedBatchMemory(collectLimits.maxDecompressedBytes, collectLimits.maxJsonValues);

/**
 * 128 MiB: the most one batch can cost (8 MiB, 250,000 values: ~108 MB, see estimatedBatchMemory)
 * is reserved before it is inflated, so batches are inflated and scanned one at a time (JavaScript
 * would run them one at a time anyway) beside what is left: ~25 MB, for the batches already
 * scanned. A real batch (6.8 kB raw, ~420 values) settles to ~150 kB, so a full in-flight limit
 * of them fits; one at the limits runs nearly alone. Past 32 waiting, 429.
 */
export function defaultBatchMemoryBudget(): BatchMemoryBudget {
  return createBatchMemoryBudget({ totalBytes: 128 * 1024 * 1024, maxWaiting: 32 });
}

const readableEncodings = new Set(["gzip", "identity", ""]);
const readableContentTypes = new Set(["text/plain", "application/json", ""]);

/**
 * `POST /collect`: the recorder's hot path, a plain Koa route in front of the ingestion
 * pipeline. Answers: 204 stored; 200 `{ duplicate: true }` for a batch stored before; 200
 * `{ stored: false, reason }` for a batch dropped on purpose (opted out, no consent); 400 with
 * the invalid field; 403 unknown site key or foreign origin; 405 another method; 413 over the
 * body limits; 415 an encoding or content type it does not read; 429 over the in-flight limit,
 * the memory budget or the bytes of bodies being received; 503 a body not received within its
 * deadline (the recorder retries it). Errors are `{ error: { code, message, field? } }`. Bodies are sent as
 * text/plain (no CORS preflight) with the encoding in `?enc=gzip`, or with a Content-Encoding header.
 */
export function mountCollectRoute(router: Router, options: CollectRouteOptions): void {
  let inFlight = 0;
  const budget = options.memoryBudget ?? defaultBatchMemoryBudget();
  const receiving = new BodyBytesBudget(options.receivingBytes ?? 32 * 1024 * 1024);
  const bodyDeadlineMs = options.bodyDeadlineMs ?? 15_000;

  router.options("/collect", (ctx) => allowRecorderPreflight(ctx, "Content-Type, Content-Encoding"));

  router.post("/collect", async (ctx) => {
    allowRecorderOrigins(ctx);
    if (inFlight >= options.maxInFlight) {
      ctx.req.resume();
      return answerError(ctx, 429, { message: "server busy: retry later" }, 1);
    }
    const encoding = bodyEncodingOf(ctx.query.enc, ctx.get("content-encoding"));
    const contentType = ctx.get("content-type").split(";")[0]?.trim().toLowerCase() ?? "";
    if (encoding.unsupported || !readableContentTypes.has(contentType)) {
      ctx.req.resume();
      const message = encoding.unsupported
        ? `body: encoding ${encoding.unsupported} is not supported (send gzip or identity)`
        : `body: content type ${contentType} is not supported (send text/plain or application/json)`;
      return answerError(ctx, 415, { message, field: "body" });
    }
    // Received before it counts in flight or reserves memory: a slow sender holds a socket and the
    // bytes it sent (bounded together by `receiving`, and in time by the deadline), not a slot.
    let body: Buffer;
    try {
      body = await readBoundedBody(ctx.req, collectLimits.maxBodyBytes, { deadlineMs: bodyDeadlineMs, budget: receiving });
    } catch (error) {
      if (error instanceof BodyTooLargeError) return answerError(ctx, 413, { message: error.message, field: "body" });
      ctx.set("Connection", "close");
      if (error instanceof BodySlowError) return answerError(ctx, 503, { message: `${error.message}: retry later`, field: "body" }, 1);
      if (error instanceof BodyBudgetError) return answerError(ctx, 429, { message: error.message }, 1);
      // The sender went away mid-body: nobody is left to answer, nothing was read.
      return answerError(ctx, 400, { message: "body: the connection closed before the body was received", field: "body" });
    }
    if (inFlight >= options.maxInFlight) return answerError(ctx, 429, { message: "server busy: retry later" }, 1);
    inFlight++;
    let lease: BatchMemoryLease | undefined;
    try {
      const waiting = budget.acquire(maxBatchMemory);
      if (!waiting) return answerError(ctx, 429, { message: "server busy decompressing other batches: retry later" }, 1);
      lease = await waiting;
      const outcome = await options.pipeline.run({
        body,
        encoding: encoding.gzip ? "gzip" : "identity",
        memory: lease,
        origin: ctx.get("origin") || undefined,
        ip: ctx.ip,
        userAgent: ctx.get("user-agent"),
        browserSignals: browserSignalsOf(ctx),
        receivedAt: new Date(),
      });
      answerRecorderOutcome(ctx, outcome);
    } catch (error) {
      // The server's fault, not the batch's: the recorder keeps it and retries.
      options.logger.error({ err: error }, "collect failed");
      answerError(ctx, 503, { message: "temporarily unable to store this batch: retry later" }, 5);
    } finally {
      // What a large batch held is garbage now: collected soon, not when V8's heap has grown to it.
      const held = lease?.bytes ?? 0;
      lease?.release();
      if (held >= largeBatchBytes) (options.largeGarbage ?? largeGarbage).note(held);
      inFlight--;
    }
  });

  router.all("/collect", (ctx) => {
    allowRecorderOrigins(ctx);
    ctx.set("Allow", "POST, OPTIONS");
    answerError(ctx, 405, { message: `method ${ctx.method} is not allowed: send batches with POST` });
  });
}

function bodyEncodingOf(query: string | string[] | undefined, header: string): { gzip: boolean; unsupported?: string } {
  const fromQuery = typeof query === "string" ? query.toLowerCase() : Array.isArray(query) ? query.join(",") : "";
  const fromHeader = header.trim().toLowerCase();
  for (const encoding of [fromQuery, fromHeader]) if (!readableEncodings.has(encoding)) return { gzip: false, unsupported: encoding };
  return { gzip: fromQuery === "gzip" || fromHeader === "gzip" };
}
