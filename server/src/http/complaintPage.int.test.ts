import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { collections } from "../db/collections.js";
import { createSite } from "../domain/sites/createSite.js";
import { createLogger } from "../logging/logger.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { useTestServer } from "../testing/testServer.js";

const logLines: string[] = [];
const capturingLogger = createLogger({ level: "debug", destination: { write: (line: string) => void logLines.push(line) } });

interface FormPost {
  name?: string;
  email?: string;
  category?: string;
  message?: string;
}

describe("complaint form (MS-4.3)", () => {
  const server = useTestServer({ trustProxy: true, logger: capturingLogger });
  const db = () => server.server.database.db;
  let tenantA: TenantFixture;
  let tenantB: TenantFixture;
  let clientCounter = 0;

  beforeAll(async () => {
    tenantA = await createTenantFixture(db(), "Complaints A");
    tenantB = await createTenantFixture(db(), "Complaints B");
  });

  /** Each test posts from its own address unless told otherwise, so the rate limit only bites where it is tested. */
  async function post(siteKey: string, form: FormPost, client = `198.51.100.${++clientCounter}`) {
    const response = await fetch(`${server.url}/complaints/${siteKey}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": client },
      body: new URLSearchParams(form as Record<string, string>).toString(),
    });
    return { status: response.status, html: await response.text(), headers: response.headers };
  }

  const valid: FormPost = { name: "Jane Complainant", email: "jane.complainant@example.org", category: "erasure", message: "Please delete the recordings of my visits." };

  it("GET serves a self-contained, accessible form under a strict Content-Security-Policy", async () => {
    const response = await fetch(`${server.url}/complaints/${tenantA.site.siteKey}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/);
    expect(csp).not.toContain("unsafe");
    const html = await response.text();
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(csp).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
    expect(html).toContain(`<form method="post" action="/complaints/${tenantA.site.siteKey}" novalidate>`);
    for (const field of ["name", "email", "message"]) expect(html).toMatch(new RegExp(`<label for="${field}">[\\s\\S]*?id="${field}" name="${field}"`));
    expect(html).toContain("<legend>What is your complaint about?</legend>");
    for (const category of ["data-access", "erasure", "recording-concern", "opt-out", "other"]) expect(html).toContain(`value="${category}"`);
    expect(html).toContain("cooperate with the appropriate regulatory authorities");
    expect(html).toContain(`href="/privacy/${tenantA.site.siteKey}"`);
  });

  it("404 for a site key no site has", async () => {
    const response = await fetch(`${server.url}/complaints/pk_${"0".repeat(24)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No website has this complaint form");
  });

  it("MS-4.3 a complaint posted through the form appears in its tenant's queue and not in another tenant's", async () => {
    const response = await post(tenantA.site.siteKey, valid);
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const reference = /<span class="reference">(C-[0-9A-Z]{4}-[0-9A-Z]{4})<\/span>/.exec(response.html)?.[1];
    expect(reference).toBeDefined();
    expect(response.html).toContain("They will contact you at <strong>jane.complainant@example.org</strong>");

    const officerA = callerAs(db(), tenantA.members.compliance);
    const queueA = await officerA.complaints.list({ tenantId: tenantA.tenantId, status: "open" });
    const listed = queueA.complaints.find((complaint) => complaint.reference === reference);
    expect(listed).toMatchObject({ siteId: tenantA.site._id, category: "erasure", status: "open", complainantName: "Jane Complainant", responseCount: 0 });
    const ticket = await officerA.complaints.get({ tenantId: tenantA.tenantId, complaintId: listed!.complaintId });
    expect(ticket).toMatchObject({
      complainant: { name: "Jane Complainant", email: "jane.complainant@example.org" },
      message: "Please delete the recordings of my visits.",
      statusHistory: [{ from: null, to: "open", by: { type: "system", id: "complaint-form" } }],
      retention: { days: 365, closedAt: null, deleteAfter: null },
    });

    const officerB = callerAs(db(), tenantB.members.compliance);
    const queueB = await officerB.complaints.list({ tenantId: tenantB.tenantId });
    expect(queueB.complaints.map((complaint) => complaint.reference)).not.toContain(reference);
    expect(JSON.stringify(queueB)).not.toContain("Jane Complainant");
    await expect(officerB.complaints.get({ tenantId: tenantB.tenantId, complaintId: listed!.complaintId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(officerB.complaints.get({ tenantId: tenantA.tenantId, complaintId: listed!.complaintId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("MS-4.3 400: names each problem and shows the form again with what was typed, escaped", async () => {
    const before = await collections(db()).complaints.countDocuments();
    const response = await post(tenantA.site.siteKey, {
      name: `<script>alert("name")</script>`,
      email: "not an email",
      message: `"><img src=x onerror=alert(1)> & more`,
    });
    expect(response.status).toBe(400);
    expect(response.html).toContain("<title>Error: Make a privacy complaint");
    expect(response.html).toContain('<a href="#email">Enter an email address in the correct format, like name@example.com</a>');
    expect(response.html).toContain('<a href="#category-0">Choose what your complaint is about</a>');
    expect(response.html).toContain('aria-describedby="email-hint email-error" aria-invalid="true"');
    expect(response.html).toContain('value="&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;"');
    expect(response.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; more</textarea>");
    expect(response.html).not.toMatch(/<script|<img/);
    expect(await collections(db()).complaints.countDocuments()).toBe(before);
  });

  it("escapes the site's name wherever the page shows it", async () => {
    const site = await createSite(
      { scope: tenantScope(db(), tenantA.tenantId), actor: { type: "system", id: "test" }, now: new Date() },
      { name: `<img src=x onerror="alert('site')">`, allowedOrigins: ["https://odd.example"] },
    );
    const form = await (await fetch(`${server.url}/complaints/${site.siteKey}`)).text();
    const received = await post(site.siteKey, valid);
    for (const html of [form, received.html]) {
      expect(html).toContain("&lt;img src=x onerror=&quot;alert(&#39;site&#39;)&quot;&gt;");
      expect(html).not.toContain("<img");
    }
  });

  it("MS-4.3 rate-limits submissions per client, with Retry-After, and stores nothing past the limit", async () => {
    const client = "203.0.113.99";
    for (let attempt = 1; attempt <= 5; attempt++) expect((await post(tenantA.site.siteKey, valid, client)).status).toBe(201);
    const before = await collections(db()).complaints.countDocuments();
    const limited = await post(tenantA.site.siteKey, valid, client);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.html).toContain("Too many complaints have been sent from your connection");
    expect(await collections(db()).complaints.countDocuments()).toBe(before);
    // Someone else is not held back by it.
    expect((await post(tenantA.site.siteKey, valid, "203.0.113.100")).status).toBe(201);
  });

  it("415: a body that is not a form post", async () => {
    const response = await fetch(`${server.url}/complaints/${tenantA.site.siteKey}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(valid),
    });
    expect(response.status).toBe(415);
  });

  it("MS-4.3 keeps the complainant's details out of the logs, the audit log and every other collection", async () => {
    const secret = { name: "Zebedee Quillfeather", email: "zebedee.quillfeather@example.net", category: "other", message: "Unmistakable-complaint-text-7731" };
    expect((await post(tenantA.site.siteKey, secret)).status).toBe(201);
    const logs = logLines.join("");
    expect(logs).toContain("/complaints/");
    const elsewhere: string[] = [];
    for (const { name } of await db().listCollections({}, { nameOnly: true }).toArray()) {
      if (name !== "complaints") elsewhere.push(JSON.stringify(await db().collection(name).find({}).toArray()));
    }
    for (const value of [secret.name, secret.email, secret.message, "Zebedee", "quillfeather"]) {
      expect(logs).not.toContain(value);
      expect(elsewhere.join("")).not.toContain(value);
    }
    expect(await collections(db()).complaints.countDocuments({ "complainant.email": secret.email })).toBe(1);
  });
});
