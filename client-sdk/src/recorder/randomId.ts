/**
 * MS-2.3, MS-1.12: session, visitor and page identifiers are 16 bytes (128 bits) from the
 * browser's cryptographic random generator, as 32 hexadecimal characters. Nothing about the
 * visitor, the device or the site goes into them, so they cannot link a visitor across sites.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => (byte + 256).toString(16).slice(1)).join("");
}

/** What the collect endpoint accepts as an identifier; a cookie holding anything else is replaced. */
export function isRandomId(value: string | null): value is string {
  // \w is [A-Za-z0-9_]: the collect endpoint's base64url pattern, written shorter.
  return value !== null && /^[\w-]{16,64}$/.test(value);
}
