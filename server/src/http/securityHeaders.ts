import type { Middleware } from "koa";

/**
 * Conservative defaults for every response. Routes that are cross-origin by design (the
 * recorder script, /collect, the public policy page) relax Cross-Origin-Resource-Policy
 * themselves.
 */
export function securityHeaders(): Middleware {
  return async (ctx, next) => {
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.set("Referrer-Policy", "strict-origin-when-cross-origin");
    ctx.set("X-Frame-Options", "SAMEORIGIN");
    ctx.set("Cross-Origin-Opener-Policy", "same-origin");
    ctx.set("Cross-Origin-Resource-Policy", "same-origin");
    ctx.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    ctx.set("Content-Security-Policy", "default-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'; object-src 'none'");
    if (ctx.secure) ctx.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    await next();
  };
}
