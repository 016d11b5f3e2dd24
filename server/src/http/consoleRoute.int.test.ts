import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import Router from "@koa/router";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consoleContentSecurityPolicy, mountConsoleRoute } from "./consoleRoute.js";

/** The console as the server serves it, from a built directory of its own (and from none). */
describe("the console route", () => {
  let built: string;
  let servers: Server[] = [];
  let url: string;
  let unbuiltUrl: string;

  async function serve(consoleDir: string): Promise<string> {
    const app = new Koa();
    const router = new Router();
    mountConsoleRoute(router, consoleDir);
    app.use(router.routes());
    const server = createServer(app.callback());
    await new Promise<void>((resolve) => server.listen(0, resolve));
    servers.push(server);
    return `http://localhost:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    built = await mkdtemp(path.join(tmpdir(), "mousetrail-console-"));
    await mkdir(path.join(built, "assets"));
    await writeFile(path.join(built, "index.html"), '<!doctype html><div id="app"></div><script type="module" src="/assets/index-abc123.js"></script>');
    await writeFile(path.join(built, "assets", "index-abc123.js"), "console.log(1)");
    await writeFile(path.join(built, "secret.txt"), "not an asset");
    url = await serve(built);
    unbuiltUrl = await serve(path.join(built, "missing"));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    servers = [];
    await rm(built, { recursive: true, force: true });
  });

  it.each(["/", "/sign-in", "/sign-up", "/invitation", "/account", "/t/tnt_abc/sites", "/t/tnt_abc/sites/site_1/privacy", "/staff"])(
    "answers %s with the app's HTML, never cached, under the strict CSP",
    async (page) => {
      const response = await fetch(`${url}${page}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-security-policy")).toBe(consoleContentSecurityPolicy);
      expect(await response.text()).toContain('<div id="app">');
    },
  );

  it("serves content-hashed assets for good, and nothing else from the directory", async () => {
    const asset = await fetch(`${url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const probe of ["/assets/missing-1.js", "/assets/..%2Fsecret.txt", "/assets/%2e%2e%2findex.html", "/assets/secret.txt", "/secret.txt", "/index.html"]) {
      expect((await fetch(`${url}${probe}`)).status, probe).toBe(404);
    }
  });

  it("says how to build the console when it is not built", async () => {
    const response = await fetch(`${unbuiltUrl}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("npm run build -w @mousetrail/console");
  });

  it("keeps the CSP free of inline script and third-party hosts", () => {
    expect(consoleContentSecurityPolicy).toContain("script-src 'self'");
    expect(consoleContentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });
});
