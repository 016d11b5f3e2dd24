import { createHmac } from "node:crypto";
import type { ParameterizedContext } from "koa";
import type { RequestAuth, RequestContext, ServerServices } from "../api/context.js";
import { authenticateApiKey } from "../domain/apiKeys/authenticateApiKey.js";
import { resolveAuthSession } from "../domain/auth/authSessions.js";

export const sessionCookieName = "mt_session";
export const csrfHeaderName = "x-mousetrail-csrf";

/** Builds the tRPC context of one HTTP request: who is calling, and how to answer them. */
export async function createRequestContext(services: ServerServices, koa: ParameterizedContext): Promise<RequestContext> {
  const now = services.now();
  const auth = await authenticate(services, koa, now);
  return {
    ...services,
    auth,
    clientKey: clientKeyOf(services.sessionSecret, koa.ip),
    csrfSafe: auth.kind === "apiKey" || koa.get(csrfHeaderName) === "1",
    cookies: {
      set(token, expiresAt) {
        koa.cookies.set(sessionCookieName, token, { httpOnly: true, sameSite: "lax", secure: koa.secure, expires: expiresAt, path: "/" });
      },
      clear() {
        koa.cookies.set(sessionCookieName, "", { httpOnly: true, sameSite: "lax", secure: koa.secure, expires: new Date(0), path: "/" });
      },
    },
  };
}

async function authenticate(services: ServerServices, koa: ParameterizedContext, now: Date): Promise<RequestAuth> {
  const authorization = koa.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const apiKey = match?.[1] ? await authenticateApiKey(services.db, match[1], now) : null;
    return apiKey ? { kind: "apiKey", apiKey } : { kind: "anonymous", rejectedApiKey: true };
  }
  const token = koa.cookies.get(sessionCookieName);
  if (token) {
    const session = await resolveAuthSession(services.db, token, now);
    if (session) return { kind: "session", ...session };
  }
  return { kind: "anonymous" };
}

/**
 * A keyed hash standing in for the client address in rate limits: stable enough to count
 * attempts, useless for recovering the address (MS-1.2: the raw IP is never stored).
 */
export function clientKeyOf(secret: string, ip: string): string {
  return createHmac("sha256", secret).update(ip).digest("base64url").slice(0, 22);
}
