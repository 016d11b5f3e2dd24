import { createHash } from "node:crypto";

/**
 * An audit id (`aud_` + 20 base36 characters) derived from a seed instead of drawn at random:
 * a background job that dies after writing its audit entry and is resumed adds no second one.
 */
export function derivedAuditId(seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let id = "";
  for (const byte of digest.subarray(0, 20)) id += "0123456789abcdefghijklmnopqrstuvwxyz"[byte % 36];
  return `aud_${id}`;
}
