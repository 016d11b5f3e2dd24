import { beforeAll, describe, expect, it } from "vitest";
import type { SiteDoc } from "../../db/collections.js";
import { recordVisitorOptOut } from "../../domain/compliance/recordVisitorOptOut.js";
import { createSite } from "../../domain/sites/createSite.js";
import { visitorKeySecretOf } from "../../domain/sites/siteScopedKey.js";
import { recordViolations } from "../../repositories/piiViolationRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { randomRecorderId } from "../../testing/collectClient.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

const database = useTestDatabase();
const secret = visitorKeySecretOf("test-session-secret-test-session-secret");

describe("compliance.optOuts", () => {
  let tenant: TenantFixture;
  let second: SiteDoc;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Opt-out audit");
    const scope = tenantScope(database.db, tenant.tenantId);
    second = await createSite({ scope, actor: { type: "system", id: "test" }, now: new Date() }, { name: "Second", allowedOrigins: ["https://second.example"] });
    const optOut = (siteId: string, at: string) =>
      recordVisitorOptOut({ scope, actor: { type: "system", id: "test" }, now: new Date(at) }, { siteId, visitorId: randomRecorderId(), visitorKeySecret: secret });
    await optOut(tenant.site._id, "2025-03-01T00:00:00.000Z");
    await optOut(tenant.site._id, "2025-03-01T23:59:59.999Z");
    await optOut(tenant.site._id, "2025-03-03T08:00:00.000Z");
    await optOut(second._id, "2025-03-01T12:00:00.000Z");
    await optOut(second._id, "2025-02-28T23:59:59.999Z");
  });

  it("MS-4.1 counts opt-outs per site and UTC day, newest first, without any key", async () => {
    const officer = callerAs(database.db, tenant.members.compliance);
    const all = await officer.compliance.optOuts({ tenantId: tenant.tenantId });
    const bySite = [tenant.site._id, second._id].sort();
    expect(all).toEqual({
      days: [
        { siteId: tenant.site._id, day: "2025-03-03", optOuts: 1 },
        ...bySite.map((siteId) => ({ siteId, day: "2025-03-01", optOuts: siteId === second._id ? 1 : 2 })),
        { siteId: second._id, day: "2025-02-28", optOuts: 1 },
      ],
      total: 5,
    });
    expect(await officer.compliance.optOuts({ tenantId: tenant.tenantId, siteId: tenant.site._id, from: "2025-03-01", to: "2025-03-02" })).toEqual({
      days: [{ siteId: tenant.site._id, day: "2025-03-01", optOuts: 2 }],
      total: 2,
    });
    expect((await officer.compliance.optOuts({ tenantId: tenant.tenantId, to: "2025-02-28" })).total).toBe(1);
  });

  it("names the field when the range is backwards, and refuses analysts", async () => {
    await expect(callerAs(database.db, tenant.members.owner).compliance.optOuts({ tenantId: tenant.tenantId, from: "2025-03-02", to: "2025-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "to: must not be before from (2025-03-02)",
    });
    await expect(callerAs(database.db, tenant.members.analyst).compliance.optOuts({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reportsKey = await tenant.keyWithScopes(["reports:read"]);
    await expect(callerAs(database.db, reportsKey).compliance.optOuts({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const complianceKey = await tenant.keyWithScopes(["compliance:write"]);
    expect((await callerAs(database.db, complianceKey).compliance.optOuts({ tenantId: tenant.tenantId })).total).toBe(5);
  });
});

describe("compliance.violations", () => {
  let tenant: TenantFixture;
  let second: SiteDoc;

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Violations");
    const scope = tenantScope(database.db, tenant.tenantId);
    second = await createSite({ scope, actor: { type: "system", id: "test" }, now: new Date() }, { name: "Second", allowedOrigins: ["https://second.example"] });
    // Seven findings on two sites, two of them at the same instant (the cursor must keep them apart).
    const at = (minute: number) => new Date(Date.UTC(2025, 2, 1, 12, minute));
    const findings = [
      { siteId: tenant.site._id, minute: 1, kind: "email", location: "page.url" },
      { siteId: tenant.site._id, minute: 2, kind: "phone", location: "events.4.data.texts.0.value" },
      { siteId: second._id, minute: 3, kind: "payment-card", location: "events.9.data.text" },
      { siteId: tenant.site._id, minute: 4, kind: "email", location: "events.1.data.adds.0.node.textContent" },
      { siteId: tenant.site._id, minute: 4, kind: "iban", location: "events.2.data.texts.1.value" },
      { siteId: second._id, minute: 5, kind: "email", location: "page.url" },
      { siteId: tenant.site._id, minute: 6, kind: "us-ssn", location: "events.7.data.text" },
    ];
    for (const [index, finding] of findings.entries()) {
      await recordViolations(scope, [
        { siteId: finding.siteId, sessionKey: `session-${finding.siteId.slice(-4)}`, pageId: "page", seq: index, index: 0, kind: finding.kind, location: finding.location, detectedAt: at(finding.minute) },
      ]);
    }
  });

  it("MS-1.7 lists kind, site, session, place and time, newest first, page by page without gaps or repeats", async () => {
    const officer = callerAs(database.db, tenant.members.compliance);
    const seen: { kind: string; detectedAt: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await officer.compliance.violations({ tenantId: tenant.tenantId, limit: 3, ...(cursor ? { cursor } : {}) });
      for (const violation of page.violations) expect(Object.keys(violation).sort()).toEqual(["detectedAt", "kind", "location", "sessionKey", "siteId"]);
      seen.push(...page.violations);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(seen.map((violation) => violation.detectedAt)).toEqual([...seen.map((violation) => violation.detectedAt)].sort().reverse());
    expect(seen.map((violation) => violation.kind).sort()).toEqual(["email", "email", "email", "iban", "payment-card", "phone", "us-ssn"]);
    expect(seen[0]).toEqual({ kind: "us-ssn", siteId: tenant.site._id, sessionKey: `session-${tenant.site._id.slice(-4)}`, location: "events.7.data.text", detectedAt: "2025-03-01T12:06:00.000Z" });

    const oneSite = await officer.compliance.violations({ tenantId: tenant.tenantId, siteId: second._id, limit: 50 });
    expect(oneSite.violations.map((violation) => [violation.kind, violation.location])).toEqual([
      ["email", "page.url"],
      ["payment-card", "events.9.data.text"],
    ]);
    expect(oneSite.nextCursor).toBeNull();
  });

  it("refuses a cursor it did not hand out, naming the field", async () => {
    await expect(callerAs(database.db, tenant.members.owner).compliance.violations({ tenantId: tenant.tenantId, limit: 5, cursor: "bm90IGEgY3Vyc29y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "cursor: not a cursor returned by this list",
    });
  });
});
