import { sign } from "node:crypto";
import { canonicalJson, type JsonValue } from "../compliance/canonicalJson.js";
import type { ReceiptSigningKey } from "./receiptSigningKey.js";

export interface ReceiptSignature {
  algorithm: "Ed25519";
  /** SHA-256 (hex) of the signing key's raw public key; listed at /.well-known/mousetrail-receipt-keys.json. */
  keyId: string;
  /** Ed25519 signature (base64url) over the UTF-8 bytes of the receipt's canonical JSON. */
  value: string;
}

/** A receipt and its signature: the document a tenant hands a regulator, checked by the SDK's verifyReceipt. */
export interface SignedReceipt<R> {
  receipt: R;
  signature: ReceiptSignature;
}

/**
 * MS-1.7: signs a purge or erasure receipt with the platform's key. What is signed is the
 * receipt's canonical JSON (RFC 8785, canonicalJson.ts), so any change to any value, any added
 * or removed field, fails verification, while re-indenting the file does not. Ed25519 is
 * deterministic: the same receipt and key always give the same signature.
 */
export function signReceipt<R extends object>(receipt: R, key: ReceiptSigningKey): SignedReceipt<R> {
  const message = Buffer.from(canonicalJson(receipt as unknown as JsonValue), "utf8");
  return { receipt, signature: { algorithm: "Ed25519", keyId: key.keyId, value: sign(null, message, key.privateKey).toString("base64url") } };
}
