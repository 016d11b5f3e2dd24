import type Router from "@koa/router";
import type { ParameterizedContext } from "koa";
import type { Logger } from "../logging/logger.js";
import { collectLimits } from "../ingest/collectPayload.schema.js";
import type { CollectPipeline } from "../ingest/collectPipeline.js";
import { BodyTooLargeError, readBoundedBody } from "./readBoundedBody.js";

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

  router.options("/collect", (ctx) => {
    allowCrossOrigin(ctx);
    ctx.set("Access-Control-Allow-Methods", "POST");
    ctx.set("Access-Control-Allow-Headers", "Content-Type, Content-Encoding");
    ctx.set("Access-Control-Max-Age", "86400");
    ctx.status = 204;
  });

  router.post("/collect", async (ctx) => {
    allowCrossOrigin(ctx);
    if (inFlight >= options.maxInFlight) {
      ctx.req.resume();
      return answer(ctx, 429, { error: { message: "server busy: retry later" } }, 1);
    }
    inFlight++;
    try {
      let body: Buffer;
      try {
        body = await readBoundedBody(ctx.req, collectLimits.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return answer(ctx, 413, { error: { message: error.message } });
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
        receivedAt: new Date(),
      });
      if (outcome.kind === "ok") {
        if (outcome.value.duplicate) return answer(ctx, 200, { duplicate: true });
        ctx.status = 204;
        return;
      }
      if (outcome.kind === "drop") return answer(ctx, 200, { stored: false, reason: outcome.reason });
      const { status, message, field } = outcome.rejection;
      return answer(ctx, status, { error: { message, ...(field ? { field } : {}) } });
    } catch (error) {
      // The server's fault, not the batch's: the recorder keeps it and retries.
      options.logger.error({ err: error }, "collect failed");
      return answer(ctx, 503, { error: { message: "temporarily unable to store this batch: retry later" } }, 5);
    } finally {
      inFlight--;
    }
  });
}

function allowCrossOrigin(ctx: ParameterizedContext): void {
  // The recorder runs on tenants' sites and sends no credentials: any page may read our answer,
  // which is what lets it tell "retry" from "stop". Origins are checked against the site.
  ctx.set("Access-Control-Allow-Origin", "*");
  // Without this the recorder's script cannot read how long to wait after a 429 or 503.
  ctx.set("Access-Control-Expose-Headers", "Retry-After");
  ctx.set("Cross-Origin-Resource-Policy", "cross-origin");
  ctx.set("Cache-Control", "no-store");
}

function answer(ctx: ParameterizedContext, status: number, body: unknown, retryAfterSeconds?: number): void {
  ctx.status = status;
  ctx.body = body;
  if (retryAfterSeconds) ctx.set("Retry-After", String(retryAfterSeconds));
}
