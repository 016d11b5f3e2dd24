import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { collections } from "../db/collections.js";
import { createApiKey } from "../domain/apiKeys/createApiKey.js";
import { failedSignInsPerEmail } from "../domain/auth/signIn.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createLogger } from "../logging/logger.js";
import { createTenantFixture, testPassword } from "../testing/apiHarness.js";
import { callOverHttp, sessionCookieFrom } from "../testing/httpClient.js";
import { useTestServer } from "../testing/testServer.js";

const logLines: string[] = [];
const logDestination = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

describe("console sessions and API keys over HTTP", () => {
  const server = useTestServer({ logger: createLogger({ level: "info", destination: logDestination }) });

  it("signs up, sets an httpOnly SameSite=Lax session cookie, and knows who is calling", async () => {
    const email = `cookie-${Date.now()}@example.test`;
    const signUp = await callOverHttp(server.url, "auth.signUp", { email, password: testPassword, name: "Cookie Person", tenantName: "Cookie Org" }, { type: "mutation", csrf: true });
    expect(signUp.status).toBe(200);
    const setCookie = signUp.setCookie.find((line) => line.startsWith("mt_session="));
    expect(setCookie).toMatch(/; path=\//);
    expect(setCookie).toMatch(/; samesite=lax/);
    expect(setCookie).toMatch(/; httponly/);
    const cookie = sessionCookieFrom(signUp.setCookie);

    const me = await callOverHttp(server.url, "auth.me", undefined, { type: "query", cookie });
    expect(me.body.result?.data).toMatchObject({ user: { email }, tenants: [{ name: "Cookie Org", role: "owner" }] });
    const anonymous = await callOverHttp(server.url, "auth.me", undefined, { type: "query" });
    expect(anonymous.body.result?.data).toMatchObject({ user: null, apiKey: null, tenants: [] });
  });

  it("refuses cookie-authenticated mutations without the CSRF header", async () => {
    const email = `csrf-${Date.now()}@example.test`;
    const signUp = await callOverHttp(server.url, "auth.signUp", { email, password: testPassword, name: "C", tenantName: "C" }, { type: "mutation", csrf: true });
    const cookie = sessionCookieFrom(signUp.setCookie);
    const forged = await callOverHttp(server.url, "tenants.create", { name: "Forged" }, { type: "mutation", cookie, csrf: false });
    expect(forged.status).toBe(403);
    expect(forged.body.error?.message).toContain("x-mousetrail-csrf");
    const genuine = await callOverHttp(server.url, "tenants.create", { name: "Genuine" }, { type: "mutation", cookie, csrf: true });
    expect(genuine.status).toBe(200);
  });

  it("signs out: the cookie is cleared and the session no longer works", async () => {
    const fixture = await createTenantFixture(server.server.database.db, "Sign out");
    const signIn = await callOverHttp(server.url, "auth.signIn", { email: fixture.members.owner.email, password: testPassword }, { type: "mutation", csrf: true });
    const cookie = sessionCookieFrom(signIn.setCookie);
    const signOut = await callOverHttp(server.url, "auth.signOut", undefined, { type: "mutation", cookie });
    expect(signOut.status).toBe(200);
    expect(signOut.setCookie.join()).toMatch(/mt_session=;.*expires=Thu, 01 Jan 1970/);
    const after = await callOverHttp(server.url, "sites.list", { tenantId: fixture.tenantId }, { type: "query", cookie });
    expect(after.status).toBe(401);
  });

  it("changing the password signs out the other sessions, keeps this one", async () => {
    const fixture = await createTenantFixture(server.server.database.db, "Password change");
    const email = fixture.members.admin.email;
    const signIn = () => callOverHttp(server.url, "auth.signIn", { email, password: testPassword }, { type: "mutation", csrf: true });
    const laptop = sessionCookieFrom((await signIn()).setCookie);
    const phone = sessionCookieFrom((await signIn()).setCookie);
    const change = await callOverHttp(server.url, "auth.changePassword", { currentPassword: testPassword, newPassword: "a brand new passphrase" }, { type: "mutation", cookie: laptop });
    expect(change.status).toBe(200);
    expect((await callOverHttp(server.url, "tenants.list", undefined, { type: "query", cookie: laptop })).status).toBe(200);
    expect((await callOverHttp(server.url, "tenants.list", undefined, { type: "query", cookie: phone })).status).toBe(401);
    expect((await signIn()).status).toBe(401);
    const withNew = await callOverHttp(server.url, "auth.signIn", { email, password: "a brand new passphrase" }, { type: "mutation", csrf: true });
    expect(withNew.status).toBe(200);
  });

  it("MS-3.4 rate-limits failed sign-ins per account with 429 and Retry-After", async () => {
    const fixture = await createTenantFixture(server.server.database.db, "Rate limit");
    const email = fixture.members.analyst.email;
    for (let attempt = 0; attempt < failedSignInsPerEmail.limit; attempt++) {
      const wrong = await callOverHttp(server.url, "auth.signIn", { email, password: `guess ${attempt}` }, { type: "mutation", csrf: true });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error?.message).toBe("Wrong email or password");
    }
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-mousetrail-csrf": "1" },
      body: JSON.stringify({ email, password: testPassword }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account is not affected.
    const other = await callOverHttp(server.url, "auth.signIn", { email: fixture.members.owner.email, password: testPassword }, { type: "mutation", csrf: true });
    expect(other.status).toBe(200);
  });

  it("accepts API keys as Bearer tokens, records their last use, and refuses revoked ones", async () => {
    const db = server.server.database.db;
    const fixture = await createTenantFixture(db, "Bearer");
    const list = await callOverHttp(server.url, "sites.list", { tenantId: fixture.tenantId }, { type: "query", apiKey: fixture.apiKeySecret });
    expect(list.status).toBe(200);
    expect((list.body.result?.data as { siteId: string }[]).map((site) => site.siteId)).toEqual([fixture.site._id]);
    const stored = await collections(db).apiKeys.findOne({ _id: fixture.apiKey._id });
    expect(stored?.lastUsedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(stored)).not.toContain(fixture.apiKeySecret);

    // API keys need no CSRF header: they are not ambient browser credentials.
    const create = await callOverHttp(server.url, "sites.create", { tenantId: fixture.tenantId, name: "Via key", allowedOrigins: ["https://key.example"] }, { type: "mutation", apiKey: fixture.apiKeySecret });
    expect(create.status).toBe(200);

    const readOnly = await createApiKey(
      { scope: tenantScope(db, fixture.tenantId), actor: { type: "user", id: fixture.members.owner._id, platform: false }, now: new Date() },
      { name: "read only", scopes: ["reports:read"] },
    );
    const outOfScope = await callOverHttp(server.url, "sites.create", { tenantId: fixture.tenantId, name: "Nope", allowedOrigins: ["https://nope.example"] }, { type: "mutation", apiKey: readOnly.secret });
    expect(outOfScope.status).toBe(403);
    expect(outOfScope.body.error?.message).toBe("This API key needs one of the scopes: config:write");

    await collections(db).apiKeys.updateOne({ _id: fixture.apiKey._id }, { $set: { revokedAt: new Date() } });
    const revoked = await callOverHttp(server.url, "sites.list", { tenantId: fixture.tenantId }, { type: "query", apiKey: fixture.apiKeySecret });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.message).toBe("The API key is unknown or revoked");
  });

  it("MS-1.2 never writes the client's IP address to the logs", async () => {
    await callOverHttp(server.url, "auth.me", undefined, { type: "query" });
    await fetch(`${server.url}/healthz`, { headers: { "x-forwarded-for": "203.0.113.77" } });
    expect(logLines.length).toBeGreaterThan(0);
    const all = logLines.join("\n");
    for (const address of ["127.0.0.1", "::1", "203.0.113.77"]) expect(all).not.toContain(address);
    expect(all).toContain('"path":"/healthz"');
  });
});
