import { siteScopedKey } from "../sites/siteScopedKey.js";

/**
 * The raw visitor id as the recorder keeps it in the site's `mousestats_vi` cookie (MS-1.9) and
 * puts in the opt-out link: the shape `POST /collect` accepts (collectPayload.schema.ts).
 */
export const visitorIdPattern = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * The only form of a visitor id that is ever stored: keyed to the site (MS-2.3), the same key
 * ingestion computes, so an opt-out or an erasure finds exactly what ingestion wrote.
 */
export function visitorKeyOf(visitorKeySecret: Buffer, siteId: string, visitorId: string): string {
  return siteScopedKey(visitorKeySecret, siteId, visitorId);
}
