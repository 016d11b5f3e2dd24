import { describe, expect, it } from "vitest";
import { canonicalJson as serverCanonicalJson, sha256OfCanonicalJson, type JsonValue } from "@mousetrail/server/domain/compliance/canonicalJson";
import { generateReceiptSigningKeyPem, receiptSigningKeyOf } from "@mousetrail/server/domain/receipts/receiptSigningKey";
import { signReceipt } from "@mousetrail/server/domain/receipts/signReceipt";
import { canonicalJson, verifyReceipt, type ReceiptPublicKey } from "./verifyReceipt.js";

const platformKey = receiptSigningKeyOf(generateReceiptSigningKeyPem());
const otherKey = receiptSigningKeyOf(generateReceiptSigningKeyPem());
const published = { keys: [{ keyId: platformKey.keyId, algorithm: "Ed25519", publicKey: platformKey.publicKey } satisfies ReceiptPublicKey] };

const receipt = {
  receipt: "mousetrail.analytics-purge",
  receiptVersion: 1,
  purgeId: "prg_1",
  tenantId: "tnt_1",
  siteId: null,
  requestedBy: { type: "user", id: "usr_1", platformStaff: false },
  removed: [
    { collection: "sessions", documentsRemoved: 12, remainingAtVerification: 0 },
    { collection: "pageViews", documentsRemoved: 40, remainingAtVerification: 0 },
  ],
  statement: "Purge prg_1 deleted every analytics document of tenant \"Ünïcödé\" (tnt_1).",
};

/** Every way of changing one value of the receipt: each leaf replaced, each object given an extra field. */
function alterations(value: unknown, path: string[] = []): { path: string; altered: (root: unknown) => unknown }[] {
  const at = (root: unknown, change: (leaf: unknown) => unknown): unknown => {
    const copy = structuredClone(root) as Record<string, unknown>;
    if (path.length === 0) return change(copy);
    let parent: Record<string, unknown> = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
    parent[path.at(-1)!] = change(parent[path.at(-1)!]);
    return copy;
  };
  if (typeof value === "object" && value !== null) {
    const children = Object.entries(value).flatMap(([key, child]) => alterations(child, [...path, key]));
    const extra = { path: `${path.join(".")}+extra`, altered: (root: unknown) => at(root, (leaf) => (Array.isArray(leaf) ? [...leaf, 0] : { ...(leaf as object), extra: true })) };
    return [...children, extra];
  }
  const changed = typeof value === "string" ? `${value}x` : typeof value === "number" ? value + 1 : typeof value === "boolean" ? !value : "null";
  return [{ path: path.join("."), altered: (root) => at(root, () => changed) }];
}

describe("MS-1.7 verifyReceipt: signed receipts anyone can check offline", () => {
  const signed = signReceipt(receipt, platformKey);

  it("MS-1.7 accepts a receipt as the server signed it, and gives the digest the audit log quotes", async () => {
    await expect(verifyReceipt(signed, published)).resolves.toEqual({
      valid: true,
      keyId: platformKey.keyId,
      receiptSha256: sha256OfCanonicalJson(receipt as unknown as JsonValue),
      kind: "mousetrail.analytics-purge",
    });
    // Re-serialised with other key order and indentation, it is the same receipt.
    const reformatted = JSON.parse(JSON.stringify({ signature: signed.signature, receipt: Object.fromEntries(Object.entries(receipt).reverse()) }, null, 2));
    await expect(verifyReceipt(reformatted, published.keys)).resolves.toMatchObject({ valid: true });
  });

  it("MS-1.7 refuses the receipt with any value changed, added or removed", async () => {
    const cases = alterations(receipt);
    // 15 leaves and 5 objects or arrays that could gain an entry.
    expect(cases).toHaveLength(20);
    for (const { path, altered } of cases) {
      const result = await verifyReceipt({ ...signed, receipt: altered(receipt) }, published);
      expect(result, path).toMatchObject({ valid: false, reason: "bad-signature" });
    }
    const { statement: _removed, ...withoutStatement } = receipt;
    await expect(verifyReceipt({ ...signed, receipt: withoutStatement }, published)).resolves.toMatchObject({ valid: false, reason: "bad-signature" });
  });

  it("MS-1.7 refuses a signature with any byte changed", async () => {
    const bytes = Buffer.from(signed.signature.value, "base64url");
    for (let index = 0; index < bytes.length; index++) {
      const flipped = Buffer.from(bytes);
      flipped[index] = flipped[index]! ^ 0x01;
      const result = await verifyReceipt({ ...signed, signature: { ...signed.signature, value: flipped.toString("base64url") } }, published);
      expect(result.valid, `byte ${index}`).toBe(false);
    }
  });

  it("MS-1.7 refuses a receipt re-signed with another key, named as itself or as the platform's", async () => {
    const forged = signReceipt({ ...receipt, purgeId: "prg_forged" }, otherKey);
    await expect(verifyReceipt(forged, published)).resolves.toMatchObject({ valid: false, reason: "unknown-key" });
    await expect(verifyReceipt({ ...forged, signature: { ...forged.signature, keyId: platformKey.keyId } }, published)).resolves.toMatchObject({ valid: false, reason: "bad-signature" });
  });

  it("MS-1.7 refuses a key list whose key does not hash to its id", async () => {
    // A list naming the forger's key id but holding the platform's public key, or the reverse.
    const forged = signReceipt(receipt, otherKey);
    const mislabelled = { keys: [{ keyId: otherKey.keyId, algorithm: "Ed25519" as const, publicKey: platformKey.publicKey }] };
    await expect(verifyReceipt(forged, mislabelled)).resolves.toMatchObject({ valid: false, reason: "bad-key" });
  });

  it("says what is wrong with something that is not a signed receipt", async () => {
    await expect(verifyReceipt({ receipt }, published)).resolves.toMatchObject({ valid: false, reason: "malformed" });
    await expect(verifyReceipt({ receipt, signature: { ...signed.signature, value: "not base64url!" } }, published)).resolves.toMatchObject({ valid: false, reason: "malformed" });
    await expect(verifyReceipt("a string", published)).resolves.toMatchObject({ valid: false, reason: "malformed" });
  });

  it("writes canonical JSON exactly as the server does", () => {
    const samples = [receipt, { "é": 1, e: 2, Z: [true, null, 1e21, -0.5], "\u2028": "\ud83d\ude00" }, [], {}];
    for (const sample of samples) expect(canonicalJson(sample as never)).toBe(serverCanonicalJson(sample as JsonValue));
  });
});
