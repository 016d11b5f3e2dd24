import { describe, expect, it } from "vitest";
import { callerAs, createTenantFixture } from "@mousetrail/server/testing/apiHarness";
import { runErasure } from "@mousetrail/server/domain/compliance/runPendingErasures";
import { testReceiptSigningKey } from "@mousetrail/server/testing/testReceiptKey";
import { useTestServer } from "@mousetrail/server/testing/testServer";
import { verifyReceipt } from "./verifyReceipt.js";

describe("MS-1.7 receipts the server hands out verify against its published keys", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  const publishedKeys = async () => {
    const response = await fetch(`${server.url}/.well-known/mousetrail-receipt-keys.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    return response.json();
  };

  it("MS-1.7 publishes the signing key at the well-known URL, named by the hash of its public key", async () => {
    expect(await publishedKeys()).toEqual({
      keys: [{ keyId: testReceiptSigningKey.keyId, algorithm: "Ed25519", publicKey: testReceiptSigningKey.publicKey, firstUsedAt: expect.any(String), current: true }],
    });
  });

  it("MS-1.7 a site purge's receipt, as answered and as read again, verifies; altered, it does not", async () => {
    const tenant = await createTenantFixture(db(), "Signed purge");
    const officer = callerAs(db(), tenant.members.compliance);
    const status = await officer.compliance.purgeAnalytics({ tenantId: tenant.tenantId, siteId: tenant.site._id, confirm: tenant.site.name, reason: "Signed receipt test" });
    expect(status.state).toBe("done");
    const keys = await publishedKeys();
    // The whole answer, saved as a file, is what a tenant hands over.
    await expect(verifyReceipt(JSON.parse(JSON.stringify(status)), keys)).resolves.toEqual({
      valid: true,
      keyId: testReceiptSigningKey.keyId,
      receiptSha256: status.receiptSha256,
      kind: "mousetrail.analytics-purge",
    });
    const reread = await officer.compliance.purgeReceipt({ tenantId: tenant.tenantId, purgeId: status.purgeId });
    expect(reread.signature).toEqual(status.signature);
    await expect(verifyReceipt({ ...reread, receipt: { ...reread.receipt!, siteName: "Another site" } }, keys)).resolves.toMatchObject({ valid: false, reason: "bad-signature" });
  });

  it("MS-4.1 an erasure receipt verifies and does not name the visitor", async () => {
    const tenant = await createTenantFixture(db(), "Signed erasure");
    const visitorId = "visitor_0123456789abcdef";
    const officer = callerAs(db(), tenant.members.compliance);
    const requested = await officer.compliance.eraseVisitor({ tenantId: tenant.tenantId, siteId: tenant.site._id, visitorId });
    // The final pass, on a clock moved past the time it is due.
    const due = new Date(requested.finalPassAfter!).getTime() + 1;
    await runErasure(db(), requested.erasureId, { now: () => new Date(due), leaseMs: 30_000, batchSize: 100 });
    const answer = await officer.compliance.erasure({ tenantId: tenant.tenantId, erasureId: requested.erasureId });
    expect(answer.receipt).toMatchObject({ receipt: "mousetrail.visitor-erasure", receiptId: answer.erasureId, tenantId: tenant.tenantId, siteId: tenant.site._id, counts: answer.counts });
    expect(JSON.stringify(answer)).not.toContain(visitorId);
    const keys = await publishedKeys();
    const verified = await verifyReceipt(answer, keys);
    expect(verified).toMatchObject({ valid: true, kind: "mousetrail.visitor-erasure" });
    // The tenant's audit chain anchors the receipt by its digest.
    const { entries } = await callerAs(db(), tenant.members.compliance).audit.list({ tenantId: tenant.tenantId, limit: 5 });
    expect(entries.find((entry) => entry.action === "visitor.erase")?.details).toMatchObject({ receiptId: answer.erasureId, receiptSha256: verified.valid ? verified.receiptSha256 : "" });
    await expect(verifyReceipt({ ...answer, receipt: { ...answer.receipt!, counts: { ...answer.receipt!.counts, sessions: 0, pageViews: 1 } } }, keys)).resolves.toMatchObject({ valid: false });
  });
});
