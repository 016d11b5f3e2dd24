import { describe, expect, it } from "vitest";
import { seedDemo } from "../domain/demo/seedDemo.js";
import { useTestServer } from "../testing/testServer.js";

describe("the demo shop at /demo/", () => {
  const server = useTestServer();

  it("is absent until the demo is seeded, then serves every page with the recorder snippet for the demo site", async () => {
    expect((await fetch(`${server.url}/demo/`)).status).toBe(404);
    const demo = await seedDemo(server.server.database.db, { allowedOrigins: [server.url], now: new Date() });
    for (const page of ["", "product", "journal", "checkout"]) {
      const response = await fetch(`${server.url}/demo/${page}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<script async src="/recorder.js" data-site-key="${demo!.siteKey}"></script>`);
      expect(html).toContain(`/optout/${demo!.siteKey}`);
      expect(html).not.toContain("{{");
    }
    const checkout = await (await fetch(`${server.url}/demo/checkout`)).text();
    for (const field of ['type="password"', 'autocomplete="cc-number"', 'type="email"', 'id="search"', "<textarea"]) expect(checkout).toContain(field);
    expect((await fetch(`${server.url}/demo/demo.css`)).headers.get("content-type")).toContain("text/css");
    expect((await fetch(`${server.url}/demo/nope`)).status).toBe(404);
  });
});
