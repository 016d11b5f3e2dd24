import { beforeAll, describe, expect, it } from "vitest";
import { createSite } from "../../domain/sites/createSite.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { recordSessions } from "../../testing/recordedSessions.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

const day = (hour: number) => new Date(Date.UTC(2026, 0, 10, hour));

describe("sessions.list filters", () => {
  const database = useTestDatabase();
  let tenant: TenantFixture;
  let siteId: string;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    tenant = await createTenantFixture(database.db, "Filters");
    const owner = tenant.members.owner;
    const site = await createSite(
      { scope: tenantScope(database.db, tenant.tenantId), actor: { type: "user", id: owner._id, platform: false }, now: day(0) },
      { name: "Filtered shop", allowedOrigins: ["https://filtered.example"] },
    );
    siteId = site._id;
    const specs = {
      morningPhone: { siteId, firstSeenAt: day(8), durationMs: 5_000, urls: ["https://filtered.example/", "https://filtered.example/cart?x=1"], deviceClass: "mobile", browser: "Safari" },
      noonAngry: { siteId, firstSeenAt: day(12), durationMs: 120_000, urls: ["https://filtered.example/pricing/"], rageClicks: 3 },
      eveningLeaky: { siteId, firstSeenAt: day(18), durationMs: 60_000, urls: ["https://filtered.example/cart"], violationCount: 2, browser: "Firefox" },
      nextDay: { siteId, firstSeenAt: day(30), durationMs: 1_000, urls: ["https://filtered.example/"] },
    } as const;
    const names = Object.keys(specs) as (keyof typeof specs)[];
    const recorded = await recordSessions(database.db, tenant.tenantId, names.map((name) => specs[name]));
    names.forEach((name, index) => (keys[name] = recorded[index]!));
  });

  async function listed(filter: Record<string, unknown>): Promise<{ names: string[]; total: number }> {
    const reader = callerAs(database.db, tenant.members.analyst);
    const result = await reader.sessions.list({ tenantId: tenant.tenantId, siteId, limit: 100, ...filter });
    const nameOf = Object.fromEntries(Object.entries(keys).map(([name, key]) => [key, name]));
    return { names: result.sessions.map((session) => nameOf[session.sessionId] ?? "?"), total: result.total };
  }

  it.each([
    ["no filter, newest first", {}, ["nextDay", "eveningLeaky", "noonAngry", "morningPhone"]],
    ["a date range, end excluded", { from: day(8).toISOString(), to: day(18).toISOString() }, ["noonAngry", "morningPhone"]],
    ["a URL visited, by host and path whatever the query", { url: "https://FILTERED.example/cart" }, ["eveningLeaky", "morningPhone"]],
    ["a URL with a trailing slash", { url: "https://filtered.example/pricing" }, ["noonAngry"]],
    ["a URL nobody visited", { url: "https://filtered.example/never" }, []],
    ["a device class", { deviceClass: "mobile" }, ["morningPhone"]],
    ["a browser", { browser: "Firefox" }, ["eveningLeaky"]],
    ["a minimum duration, inclusive", { minDurationMs: 60_000 }, ["eveningLeaky", "noonAngry"]],
    ["has rage clicks", { hasRageClicks: true }, ["noonAngry"]],
    ["has no violations", { hasViolations: false }, ["nextDay", "noonAngry", "morningPhone"]],
    ["has violations", { hasViolations: true }, ["eveningLeaky"]],
    ["several filters at once", { url: "https://filtered.example/", to: day(24).toISOString(), deviceClass: "mobile" }, ["morningPhone"]],
  ])("%s", async (_title, filter, expected) => {
    const { names, total } = await listed(filter);
    expect(names).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it("pages through a filtered list with the total on every page", async () => {
    const reader = callerAs(database.db, tenant.members.analyst);
    const first = await reader.sessions.list({ tenantId: tenant.tenantId, siteId, hasViolations: false, limit: 2 });
    expect(first).toMatchObject({ total: 3, sessions: [{ sessionId: keys.nextDay }, { sessionId: keys.noonAngry }] });
    const second = await reader.sessions.list({ tenantId: tenant.tenantId, siteId, hasViolations: false, limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ total: 3, nextCursor: null, sessions: [{ sessionId: keys.morningPhone }] });
  });

  it("refuses a range that ends before it starts, naming the field", async () => {
    const reader = callerAs(database.db, tenant.members.analyst);
    await expect(reader.sessions.list({ tenantId: tenant.tenantId, from: day(12).toISOString(), to: day(8).toISOString() })).rejects.toThrow("to: must be after from");
  });

  it("does not filter another tenant's sessions in: a URL of theirs finds nothing here", async () => {
    const other = await createTenantFixture(database.db, "Filters other");
    await recordSessions(database.db, other.tenantId, [{ siteId: other.site._id, firstSeenAt: day(9), durationMs: 10, urls: ["https://filtered.example/cart"] }]);
    const { names } = await listed({ url: "https://filtered.example/cart" });
    expect(names).toEqual(["eveningLeaky", "morningPhone"]);
  });
});
