import { randomUUID } from "node:crypto";
import type { Middleware } from "koa";
import type { Logger } from "../logging/logger.js";

/**
 * One log line per request: method, path without query (queries may carry visitor data),
 * status and duration. Deliberately no client address (MS-1.2) and no headers.
 */
export function requestLogger(logger: Logger): Middleware {
  return async (ctx, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    ctx.state.requestId = requestId;
    ctx.set("X-Request-Id", requestId);
    try {
      await next();
    } finally {
      const status = ctx.respond === false ? ctx.res.statusCode : ctx.status;
      const level = status >= 500 ? "error" : "info";
      logger[level]({ requestId, method: ctx.method, path: ctx.path, status, ms: Math.round(performance.now() - started) }, "request");
    }
  };
}
