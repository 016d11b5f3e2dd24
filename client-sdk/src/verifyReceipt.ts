/**
 * Checks a Mousetrail purge or erasure receipt offline: pure, no network, the same in Node (20+)
 * and browsers (WebCrypto Ed25519). Give it the receipt file's JSON (`{ receipt, signature }`, or
 * the whole answer of `compliance.purgeReceipt` / `compliance.eraseVisitor`) and the server's
 * published keys (`GET /.well-known/mousetrail-receipt-keys.json`, or a copy of it).
 */

export interface ReceiptPublicKey {
  /** SHA-256 (hex) of the raw public key. */
  keyId: string;
  algorithm: "Ed25519";
  /** The raw 32-byte Ed25519 public key, base64url. */
  publicKey: string;
}

export type ReceiptVerification =
  | {
      valid: true;
      keyId: string;
      /** SHA-256 (hex) of the receipt's canonical JSON: the digest the audit log and `receiptSha256` quote. */
      receiptSha256: string;
      /** `mousetrail.analytics-purge` or `mousetrail.visitor-erasure`. */
      kind: string;
    }
  | { valid: false; reason: "malformed" | "unknown-key" | "bad-key" | "bad-signature"; message: string };

/** WebCrypto as this runtime declares it (DOM in browsers, node:crypto's webcrypto in Node). */
type Subtle = NonNullable<typeof globalThis.crypto>["subtle"];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Verifies the Ed25519 signature of a receipt over its canonical JSON (RFC 8785: keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers as JSON.stringify writes them). Any
 * changed, added or removed value fails; so does a signature by a key not in `keys`.
 */
export async function verifyReceipt(signed: unknown, keys: { keys: readonly ReceiptPublicKey[] } | readonly ReceiptPublicKey[]): Promise<ReceiptVerification> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new Error("verifyReceipt needs WebCrypto (globalThis.crypto.subtle): Node 20+ or a browser");
  if (!isObject(signed) || !isObject(signed.receipt) || !isObject(signed.signature)) {
    return { valid: false, reason: "malformed", message: "expected an object with `receipt` and `signature`" };
  }
  const { receipt, signature } = signed;
  if (signature.algorithm !== "Ed25519" || typeof signature.keyId !== "string" || typeof signature.value !== "string") {
    return { valid: false, reason: "malformed", message: "signature: expected { algorithm: \"Ed25519\", keyId, value }" };
  }
  const list = Array.isArray(keys) ? keys : (keys as { keys: readonly ReceiptPublicKey[] }).keys;
  const key = list.find((candidate) => candidate.keyId === signature.keyId);
  if (!key) return { valid: false, reason: "unknown-key", message: `signed by key ${signature.keyId}, which is not among the ${list.length} published keys` };

  let canonical: string;
  let signatureBytes: Uint8Array<ArrayBuffer>;
  let rawKey: Uint8Array<ArrayBuffer>;
  try {
    canonical = canonicalJson(receipt as Json);
    signatureBytes = fromBase64Url(signature.value);
    rawKey = fromBase64Url(key.publicKey);
  } catch (error) {
    return { valid: false, reason: "malformed", message: (error as Error).message };
  }
  if (rawKey.length !== 32 || (await sha256Hex(subtle, rawKey)) !== key.keyId) {
    return { valid: false, reason: "bad-key", message: `key ${key.keyId}: its public key is not 32 bytes hashing to its id` };
  }
  const message = new TextEncoder().encode(canonical);
  const publicKey = await subtle.importKey("raw", rawKey, { name: "Ed25519" }, false, ["verify"]);
  const verified = signatureBytes.length === 64 && (await subtle.verify({ name: "Ed25519" }, publicKey, signatureBytes, message));
  if (!verified) return { valid: false, reason: "bad-signature", message: `the signature does not match this receipt: it was altered after key ${key.keyId} signed it, or that key did not sign it` };
  return { valid: true, keyId: key.keyId, receiptSha256: await sha256Hex(subtle, message), kind: String(receipt.receipt) };
}

/** RFC 8785 canonical JSON for the values receipts hold (the server writes receipts with the same rules). */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`canonical JSON has no representation for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value !== "object") throw new TypeError(`canonical JSON has no representation for a ${typeof value}`);
  return `{${Object.keys(value)
    .sort()
    .filter((key) => value[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as Json)}`)
    .join(",")}}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("not base64url");
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function sha256Hex(subtle: Subtle, bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
