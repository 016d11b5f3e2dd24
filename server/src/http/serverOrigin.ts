import type { ParameterizedContext } from "koa";

/**
 * The origin this server is reached at, for absolute links it hands out (recorder config,
 * policy page). PUBLIC_URL when configured: the Host header is the client's to choose and must
 * not decide links in cacheable responses. Otherwise the request's own protocol and host.
 * (Koa 3's `ctx.origin` is the request's Origin header, not this.)
 */
export function serverOrigin(ctx: ParameterizedContext, publicUrl: string | undefined): string {
  return publicUrl ? new URL(publicUrl).origin : `${ctx.protocol}://${ctx.host}`;
}
