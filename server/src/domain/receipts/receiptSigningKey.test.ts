import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateReceiptSigningKeyPem, loadReceiptSigningKey, receiptKeyIdOf, receiptSigningKeyFile, receiptSigningKeyOf } from "./receiptSigningKey.js";

describe("the receipt signing key", () => {
  it("is generated in the data dir on the first start, owner-readable only, and the same on every later start", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "receipt-key-"));
    const first = loadReceiptSigningKey({ configuredPem: undefined, dataDir });
    const file = path.join(dataDir, receiptSigningKeyFile);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(loadReceiptSigningKey({ configuredPem: undefined, dataDir }).keyId).toBe(first.keyId);
  });

  it("is the configured one when RECEIPT_SIGNING_KEY is set, even written with \\n for line breaks", () => {
    const pem = generateReceiptSigningKeyPem();
    const dataDir = mkdtempSync(path.join(tmpdir(), "receipt-key-"));
    const configured = loadReceiptSigningKey({ configuredPem: pem.replace(/\n/g, "\\n"), dataDir });
    expect(configured.keyId).toBe(receiptSigningKeyOf(pem).keyId);
  });

  it("is named by the SHA-256 of its raw public key", () => {
    const key = receiptSigningKeyOf(generateReceiptSigningKeyPem());
    expect(Buffer.from(key.publicKey, "base64url")).toHaveLength(32);
    expect(key.keyId).toBe(receiptKeyIdOf(Buffer.from(key.publicKey, "base64url")));
    expect(key.keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses what is not an Ed25519 private key, saying which file", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    expect(() => receiptSigningKeyOf(rsa)).toThrow("must be an Ed25519 key, not rsa");
    expect(() => receiptSigningKeyOf("hello")).toThrow(/not a PKCS#8 PEM private key/);
    const dataDir = mkdtempSync(path.join(tmpdir(), "receipt-key-"));
    writeFileSync(path.join(dataDir, receiptSigningKeyFile), "garbage");
    expect(() => loadReceiptSigningKey({ configuredPem: undefined, dataDir })).toThrow(`${path.join(dataDir, receiptSigningKeyFile)}: not a PKCS#8 PEM private key`);
  });
});
