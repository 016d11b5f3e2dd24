import { createHmac } from "node:crypto";

/**
 * MS-2.3: the recorder's session and visitor ids are random per site, but two sites on one
 * domain would share the cookie. Stored ids are therefore keyed to the site: the same cookie
 * value arriving for two sites yields two unrelated keys, so nothing stored links a visitor
 * across sites or tenants, and the raw cookie value is never stored.
 */
export function siteScopedKey(secret: Buffer, siteId: string, rawId: string): string {
  return createHmac("sha256", secret).update(`${siteId}\u0000${rawId}`).digest("base64url").slice(0, 27);
}

/** The secret of siteScopedKey, derived from the server's session secret. */
export function visitorKeySecretOf(sessionSecret: string): Buffer {
  return createHmac("sha256", sessionSecret).update("mousetrail/site-scoped-visitor-keys/v1").digest();
}
