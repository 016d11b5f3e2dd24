import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { collections, type SiteDoc } from "../db/collections.js";
import { createApp } from "./createApp.js";
import { optOutPostsPerClient } from "./optOutPage.js";
import { createSite } from "../domain/sites/createSite.js";
import { siteScopedKey, visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { batchPayload, postBatch, randomRecorderId } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";

const testSecret = "test-session-secret-test-session-secret";

describe("hosted opt-out page /optout/:siteKey", () => {
  const server = useTestServer({ trustProxy: true });
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  let site: SiteDoc;
  let clientCounter = 0;
  /** Each test posts from an address of its own, so the per-client rate limit of one does not spill into another. */
  const newClient = () => `198.51.100.${++clientCounter}`;

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Opt-out page");
    site = await createSite(
      { scope: tenantScope(db(), tenant.tenantId), actor: { type: "user", id: tenant.members.owner._id, platform: false }, now: new Date() },
      { name: `Shop <script>alert("x")</script> & Co`, allowedOrigins: ["https://shop.example", "https://www.shop.example"] },
    );
  });

  async function getPage(query = "", siteKey = site.siteKey) {
    const response = await fetch(`${server.url}/optout/${siteKey}${query}`);
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  async function postOptOut(form: Record<string, string>, options: { client: string; origin?: string | null; referer?: string; siteKey?: string }) {
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": options.client };
    if (options.origin !== null) headers.origin = options.origin ?? server.url;
    if (options.referer) headers.referer = options.referer;
    const response = await fetch(`${server.url}/optout/${options.siteKey ?? site.siteKey}`, { method: "POST", headers, body: new URLSearchParams(form) });
    return { status: response.status, headers: response.headers, html: await response.text() };
  }

  const keyOf = (visitorId: string, siteId = site._id) => siteScopedKey(visitorKeySecretOf(testSecret), siteId, visitorId);
  const optOutsOf = (visitorId: string) => analyticsCollections(db()).optOuts.find({ tenantId: tenant.tenantId, siteId: site._id, visitorKey: keyOf(visitorId) }).toArray();

  it("MS-4.1 GET renders a self-contained page titled with the escaped site name, what is recorded, the visitor id and the button", async () => {
    const visitorId = randomRecorderId();
    const { status, headers, html } = await getPage(`?v=${visitorId}`);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html).toContain("<title>Opt out of recording on Shop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</title>");
    expect(html).not.toContain("<script");
    expect(html).toContain('<button type="submit">Opt out</button>');
    expect(html).toContain(`<input type="hidden" name="v" value="${visitorId}">`);
    expect(html).toContain(`<code class="visitor-id">${visitorId}</code>`);
    // What is recorded, from the enforced policy (MS-5.1): technical info and masking are named.
    expect(html).toContain("Technical information about a visitor&#39;s computer");
    expect(html).toMatch(/replaces every character entered in a text field/);
    expect(html).toContain("<caption>Cookies set on Shop &lt;script&gt;");
    expect(html).toContain("<code>mousestats_vi</code>");
    // Self-contained: no script, image, stylesheet or frame from anywhere, and a CSP that allows only its own inline style.
    expect(html).not.toMatch(/<(script|img|link|iframe)\b/);
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(csp).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(headers.get("referrer-policy")).toBe("same-origin");
  });

  it("MS-4.1 POST stores the opt-out once, and ingestion then drops every batch of that visitor", async () => {
    const client = newClient();
    const visitorId = randomRecorderId();
    const first = await postOptOut({ v: visitorId }, { client });
    expect(first.status).toBe(200);
    expect(first.html).toContain("You have opted out of recording on Shop &lt;script&gt;");
    expect(first.html).toContain("Your opt-out is stored.");
    const again = await postOptOut({ v: visitorId }, { client });
    expect(again.status).toBe(200);
    expect(again.html).toContain("You had already opted out");
    expect(await optOutsOf(visitorId)).toHaveLength(1);

    const payload = batchPayload(site.siteKey, { visitorId });
    expect(await postBatch(server.url, payload)).toMatchObject({ status: 200, body: { stored: false, reason: "opted-out" } });
    expect(await postBatch(server.url, batchPayload(site.siteKey, { visitorId, seq: 1, pageId: payload.pageId }))).toMatchObject({ body: { stored: false, reason: "opted-out" } });
    const stored = analyticsCollections(db());
    expect(await stored.recordingChunks.countDocuments({ "context.visitorKey": keyOf(visitorId) })).toBe(0);
    await server.server.derivation.drain();
    expect(await stored.sessions.countDocuments({ visitorKey: keyOf(visitorId) })).toBe(0);

    // Control: another visitor of the same site is still recorded, so the drop above was the opt-out's doing.
    const other = randomRecorderId();
    expect((await postBatch(server.url, batchPayload(site.siteKey, { visitorId: other }))).status).toBe(204);
    await server.server.derivation.drain();
    expect(await stored.sessions.countDocuments({ visitorKey: keyOf(other) })).toBe(1);
  });

  it("MS-4.1 audits each opt-out once, naming the site and nothing about the visitor", async () => {
    const client = newClient();
    const visitorId = randomRecorderId();
    const before = await collections(db()).auditLog.countDocuments({ tenantId: tenant.tenantId, action: "visitor.optOut" });
    await postOptOut({ v: visitorId }, { client });
    await postOptOut({ v: visitorId }, { client });
    const entries = await collections(db()).auditLog.find({ tenantId: tenant.tenantId, action: "visitor.optOut" }).sort({ at: -1 }).toArray();
    expect(entries).toHaveLength(before + 1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({ actor: { type: "system", id: "hosted-opt-out-page" }, target: { type: "site", id: site._id }, details: {} });
    const text = JSON.stringify(entry);
    expect(text).not.toContain(visitorId);
    expect(text).not.toContain(keyOf(visitorId));
    expect(text).not.toContain(client);
  });

  it("MS-1.11 links back only to a page on the site's own origins, with the opt-out query parameter", async () => {
    const client = newClient();
    const back = await postOptOut({ v: randomRecorderId(), return: "https://www.shop.example/cart?item=3#top" }, { client });
    expect(back.html).toContain('href="https://www.shop.example/cart?item=3&amp;mousestats_disable=1#top"');
    expect(back.html).toContain("Return to Shop &lt;script&gt;");

    for (const foreign of ["https://evil.example/", "https://shop.example.evil.example/", "javascript:alert(1)", "//evil.example/x", "https://user:pw@shop.example/", "http://shop.example/"]) {
      const { status, html } = await postOptOut({ v: randomRecorderId(), return: foreign }, { client });
      expect(status, foreign).toBe(200);
      expect(html, foreign).not.toContain("evil.example");
      expect(html, foreign).not.toContain("javascript:");
      expect(html, foreign).not.toContain("user:pw");
      expect(html, foreign).not.toContain("http://shop.example");
      expect(html, foreign).not.toContain("Return to");
      // Instead, the links that switch recording off on each of the site's own origins.
      expect(html, foreign).toContain('href="https://shop.example/?mousestats_disable=1"');
    }

    // The GET form carries `return` on only when it is one of the site's pages.
    const visitorId = randomRecorderId();
    expect((await getPage(`?v=${visitorId}&return=${encodeURIComponent("https://shop.example/a")}`)).html).toContain('name="return" value="https://shop.example/a"');
    expect((await getPage(`?v=${visitorId}&return=${encodeURIComponent("https://evil.example/a")}`)).html).not.toContain("evil.example");
  });

  it("MS-1.11 without a visitor id, explains how to opt out and still offers the links that switch recording off", async () => {
    const plain = await getPage();
    expect(plain.status).toBe(200);
    expect(plain.html).toContain("follow the opt-out link on Shop &lt;script&gt;");
    expect(plain.html).not.toContain("<form");
    expect(plain.html).toContain('href="https://shop.example/?mousestats_disable=1"');
    expect(plain.html).toContain('href="https://www.shop.example/?mousestats_disable=1"');
    expect(plain.html).toContain("<code>mousestats_disable</code> cookie for 1 year");

    const withReturn = await getPage(`?return=${encodeURIComponent("https://shop.example/product/7")}`);
    expect(withReturn.html).toContain('href="https://shop.example/product/7?mousestats_disable=1"');

    const badId = await getPage(`?v=${encodeURIComponent('"><b>hi</b>')}`);
    expect(badId.status).toBe(200);
    expect(badId.html).toContain('role="alert"');
    expect(badId.html).not.toContain("<b>hi</b>");
    expect(badId.html).not.toContain("<form");
  });

  it("MS-3.4 rate-limits opt-out posts per client with 429 and Retry-After", async () => {
    const client = newClient();
    for (let attempt = 0; attempt < optOutPostsPerClient.limit; attempt++) {
      expect((await postOptOut({ v: randomRecorderId() }, { client })).status).toBe(200);
    }
    const visitorId = randomRecorderId();
    const limited = await postOptOut({ v: visitorId }, { client });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.html).toContain("Too many requests");
    expect(await optOutsOf(visitorId)).toHaveLength(0);
    // Another client is not affected.
    expect((await postOptOut({ v: visitorId }, { client: newClient() })).status).toBe(200);
  });

  it("refuses a form posted from another site (403) and stores nothing", async () => {
    const client = newClient();
    const visitorId = randomRecorderId();
    const fromOrigin = await postOptOut({ v: visitorId }, { client, origin: "https://evil.example" });
    expect(fromOrigin.status).toBe(403);
    expect(fromOrigin.html).toContain("not from https://evil.example");
    const fromNullOrigin = await postOptOut({ v: visitorId }, { client, origin: "null" });
    expect(fromNullOrigin.status).toBe(403);
    const fromReferer = await postOptOut({ v: visitorId }, { client, origin: null, referer: "https://evil.example/page" });
    expect(fromReferer.status).toBe(403);
    expect(await optOutsOf(visitorId)).toHaveLength(0);

    // Our own page's Referer, or neither header (a privacy extension), is accepted.
    expect((await postOptOut({ v: visitorId }, { client, origin: null, referer: `${server.url}/optout/${site.siteKey}?v=${visitorId}` })).status).toBe(200);
    expect((await postOptOut({ v: randomRecorderId() }, { client, origin: null })).status).toBe(200);
    expect(await optOutsOf(visitorId)).toHaveLength(1);
  });

  it("accepts a form posted from the PUBLIC_URL address, as behind a TLS-terminating proxy", async () => {
    const app = createApp({ services: server.server.services, backend: server.server.database.backend, trustProxy: false, publicUrl: "https://analytics.example.com" });
    const http = createServer(app.callback());
    await new Promise<void>((resolve) => http.listen(0, resolve));
    try {
      const visitorId = randomRecorderId();
      const post = (origin: string) =>
        fetch(`http://localhost:${(http.address() as AddressInfo).port}/optout/${site.siteKey}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin },
          body: new URLSearchParams({ v: visitorId }),
        });
      expect((await post("https://analytics.example.com")).status).toBe(200);
      expect((await post("https://evil.example")).status).toBe(403);
      expect(await optOutsOf(visitorId)).toHaveLength(1);
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it("404 for an unknown site key, 400 for a form without a valid visitor id", async () => {
    const unknown = await getPage("", `pk_${"0".repeat(24)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("No site uses this opt-out link");
    expect((await getPage("", "not-a-key")).status).toBe(404);
    expect((await postOptOut({ v: randomRecorderId() }, { client: newClient(), siteKey: `pk_${"0".repeat(24)}` })).status).toBe(404);

    const before = await analyticsCollections(db()).optOuts.countDocuments({ siteId: site._id });
    const missing = await postOptOut({}, { client: newClient() });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain("No visitor id to opt out");
    expect((await postOptOut({ v: "short" }, { client: newClient() })).status).toBe(400);
    expect(await analyticsCollections(db()).optOuts.countDocuments({ siteId: site._id })).toBe(before);
  });
});
