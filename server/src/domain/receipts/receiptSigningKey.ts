import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The platform's Ed25519 key that signs purge and erasure receipts. */
export interface ReceiptSigningKey {
  /** SHA-256 (hex) of the raw 32-byte public key: how a receipt names the key that signed it. */
  keyId: string;
  /** The raw 32-byte public key, base64url: what the well-known key list publishes. */
  publicKey: string;
  privateKey: KeyObject;
}

/** Where a data directory keeps the key when RECEIPT_SIGNING_KEY does not give one. */
export const receiptSigningKeyFile = "receipt-signing-key.pem";

/** A new Ed25519 private key as PKCS#8 PEM, the form RECEIPT_SIGNING_KEY and the key file take. */
export function generateReceiptSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/** Reads a PKCS#8 PEM Ed25519 private key; throws a RangeError saying what is wrong with it. */
export function receiptSigningKeyOf(pem: string): ReceiptSigningKey {
  let privateKey: KeyObject;
  try {
    // Environment variables often carry a PEM with its line breaks written as \n.
    privateKey = createPrivateKey(pem.replace(/\\n/g, "\n"));
  } catch (error) {
    throw new RangeError(`not a PKCS#8 PEM private key (${(error as Error).message})`);
  }
  if (privateKey.asymmetricKeyType !== "ed25519") throw new RangeError(`must be an Ed25519 key, not ${privateKey.asymmetricKeyType ?? "a symmetric key"}`);
  const { x } = createPublicKey(privateKey).export({ format: "jwk" });
  if (!x) throw new RangeError("the key has no public part");
  return { keyId: receiptKeyIdOf(Buffer.from(x, "base64url")), publicKey: x, privateKey };
}

export function receiptKeyIdOf(rawPublicKey: Uint8Array): string {
  return createHash("sha256").update(rawPublicKey).digest("hex");
}

/**
 * The configured key (RECEIPT_SIGNING_KEY), or the one kept in the data directory, generated on
 * the first start. Created exclusively (`wx`): two processes starting together on one data
 * directory end up with the same key. Rotating means replacing it (`npm run admin --
 * rotate-receipt-key`); the old public key stays published, so old receipts still verify.
 */
export function loadReceiptSigningKey(options: { configuredPem: string | undefined; dataDir: string }): ReceiptSigningKey {
  if (options.configuredPem) return receiptSigningKeyOf(options.configuredPem);
  const file = path.join(options.dataDir, receiptSigningKeyFile);
  try {
    writeReceiptSigningKeyFile(file, generateReceiptSigningKeyPem(), "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  try {
    return receiptSigningKeyOf(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`${file}: ${error.message}`);
    throw error;
  }
}

export function writeReceiptSigningKeyFile(file: string, pem: string, flag: "wx" | "w"): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, pem, { mode: 0o600, flag });
}
