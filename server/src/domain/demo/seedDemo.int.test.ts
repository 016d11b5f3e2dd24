import { describe, expect, it } from "vitest";
import { collections } from "../../db/collections.js";
import { testPassword } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { createUser } from "../auth/createUser.js";
import { signIn } from "../auth/signIn.js";
import { seedDemo } from "./seedDemo.js";

const origins = ["http://localhost:8080"];

describe("seedDemo", () => {
  const fresh = useTestDatabase();
  const withUsers = useTestDatabase();
  const interrupted = useTestDatabase();

  it("creates a demo tenant, site and admin once, whose printed password signs in", async () => {
    const db = fresh.db;
    const login = await seedDemo(db, { allowedOrigins: origins, now: new Date() });
    expect(login).not.toBeNull();
    const session = await signIn({ db, email: login!.email, password: login!.password, clientKey: "test", now: new Date() });
    expect(session.user.platform).toBe(true);
    const site = await collections(db).sites.findOne({ _id: login!.siteId });
    expect(site).toMatchObject({ tenantId: login!.tenantId, siteKey: login!.siteKey, allowedOrigins: origins });
    expect(await collections(db).memberships.findOne({ tenantId: login!.tenantId, userId: session.user._id })).toMatchObject({ role: "owner" });

    // A restart prints nothing and changes nothing.
    expect(await seedDemo(db, { allowedOrigins: origins, now: new Date() })).toBeNull();
    expect(await collections(db).tenants.countDocuments()).toBe(1);
    await signIn({ db, email: login!.email, password: login!.password, clientKey: "test", now: new Date() });
  });

  it("never seeds when real users already exist", async () => {
    const db = withUsers.db;
    await createUser(db, { email: "real@example.test", password: testPassword, name: "Real", now: new Date() });
    expect(await seedDemo(db, { allowedOrigins: origins, now: new Date() })).toBeNull();
    expect(await collections(db).tenants.countDocuments()).toBe(0);
  });

  it("resumes a seed interrupted half-way once its lease has expired, with the same ids", async () => {
    const db = interrupted.db;
    const start = new Date("2026-01-01T00:00:00Z");
    await collections(db).meta.insertOne({
      _id: "demoSeed",
      status: "pending",
      leaseUntil: new Date(start.getTime() + 60_000),
      tenantId: "tnt_aaaaaaaaaaaaaaaaaaaa",
      siteId: "site_aaaaaaaaaaaaaaaaaaaa",
      userId: "usr_aaaaaaaaaaaaaaaaaaaa",
      siteKey: "pk_aaaaaaaaaaaaaaaaaaaaaaaa",
    });
    await collections(db).tenants.insertOne({ _id: "tnt_aaaaaaaaaaaaaaaaaaaa", name: "Demo Shop", createdAt: start });
    // Another process holds the lease: leave it alone.
    expect(await seedDemo(db, { allowedOrigins: origins, now: new Date(start.getTime() + 1_000) })).toBeNull();
    const login = await seedDemo(db, { allowedOrigins: origins, now: new Date(start.getTime() + 120_000) });
    expect(login).toMatchObject({ tenantId: "tnt_aaaaaaaaaaaaaaaaaaaa", siteId: "site_aaaaaaaaaaaaaaaaaaaa" });
    expect(await collections(db).tenants.countDocuments()).toBe(1);
    await signIn({ db, email: login!.email, password: login!.password, clientKey: "test", now: new Date() });
  });
});
