import type Router from "@koa/router";
import type { Logger } from "../logging/logger.js";
import { collectLimits } from "../ingest/collectPayload.schema.js";
import type { CollectPipeline } from "../ingest/collectPipeline.js";
import { BodyTooLargeError, readBoundedBody } from "./readBoundedBody.js";
import { allowRecorderOrigins, allowRecorderPreflight, answerJson, answerRecorderOutcome, browserSignalsOf } from "./recorderEndpoint.js";

export interface CollectRouteOptions {
  pipeline: CollectPipeline;
  logger: Logger;
  /** Batches processed at once by this process; beyond it the answer is 429 with Retry-After. */
  maxInFlight: number;
}

/**
 * `POST /collect`: the recorder's hot path, a plain Koa route in front of the ingestion
 * pipeline. Answers: 204 stored; 200 `{ duplicate: true }` for a batch stored before; 200
 * `{ stored: false, reason }` for a batch dropped on purpose (opted out, no consent); 400 with
 * the invalid field; 403 unknown site key or foreign origin; 413 over the body limits; 429
 * over the in-flight limit. Bodies are sent as text/plain (no CORS preflight) with the
 * encoding in `?enc=gzip`, or with a Content-Encoding header.
 */
export function mountCollectRoute(router: Router, options: CollectRouteOptions): void {
  let inFlight = 0;

  router.options("/collect", (ctx) => allowRecorderPreflight(ctx, "Content-Type, Content-Encoding"));

  router.post("/collect", async (ctx) => {
    allowRecorderOrigins(ctx);
    if (inFlight >= options.maxInFlight) {
      ctx.req.resume();
      return answerJson(ctx, 429, { error: { message: "server busy: retry later" } }, 1);
    }
    inFlight++;
    try {
      let body: Buffer;
      try {
        body = await readBoundedBody(ctx.req, collectLimits.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return answerJson(ctx, 413, { error: { message: error.message } });
        throw error;
      }
      const encodingParam = ctx.query.enc;
      const gzip = encodingParam === "gzip" || ctx.get("content-encoding").toLowerCase() === "gzip";
      const outcome = await options.pipeline.run({
        body,
        encoding: gzip ? "gzip" : "identity",
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
      answerJson(ctx, 503, { error: { message: "temporarily unable to store this batch: retry later" } }, 5);
    } finally {
      inFlight--;
    }
  });
}
