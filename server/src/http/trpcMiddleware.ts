import type { AnyTRPCRouter, TRPCError } from "@trpc/server";
import { nodeHTTPRequestHandler } from "@trpc/server/adapters/node-http";
import type { Middleware, ParameterizedContext } from "koa";
import { AppError } from "../errors/appError.js";

export interface TrpcMiddlewareOptions<TRouter extends AnyTRPCRouter> {
  /** Mount point, e.g. `/trpc`. */
  prefix: string;
  router: TRouter;
  createContext: (koa: ParameterizedContext) => Promise<unknown>;
  /** Largest request body tRPC reads, in bytes; more is refused with 413. */
  maxBodySize: number;
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
}

/**
 * tRPC has no official Koa adapter; this hands the raw Node request to its node-http handler
 * and tells Koa to keep out of the response (`ctx.respond = false`).
 */
export function trpcMiddleware<TRouter extends AnyTRPCRouter>(options: TrpcMiddlewareOptions<TRouter>): Middleware {
  const prefix = `${options.prefix.replace(/\/$/, "")}/`;
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    ctx.respond = false;
    // Koa starts every response as 404; tRPC only sets its status over a pristine 200.
    ctx.res.statusCode = 200;
    await nodeHTTPRequestHandler({
      req: ctx.req,
      res: ctx.res,
      path: ctx.path.slice(prefix.length),
      router: options.router,
      maxBodySize: options.maxBodySize,
      createContext: () => options.createContext(ctx) as never,
      responseMeta: ({ errors }) => {
        const retryAfter = Math.max(0, ...errors.map((error) => (error.cause instanceof AppError ? (error.cause.retryAfterSeconds ?? 0) : 0)));
        return retryAfter > 0 ? { headers: { "Retry-After": String(retryAfter) } } : {};
      },
      ...(options.onError ? { onError: ({ error, path }) => options.onError?.({ error, path }) } : {}),
    });
  };
}
