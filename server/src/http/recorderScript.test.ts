import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRecorder } from "../../../client-sdk/scripts/buildRecorder.mjs";
import { recorderScript, type RecorderScriptOptions } from "./recorderScript.js";
import { securityHeaders } from "./securityHeaders.js";

/** An app with the middleware mounted as createApp mounts it: after securityHeaders. */
async function serve(options?: RecorderScriptOptions): Promise<{ url: string; server: Server }> {
  const app = new Koa();
  app.use(securityHeaders());
  app.use(recorderScript(options));
  const server = createServer(app.callback()).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let directory: string;
const running: Server[] = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "recorder-script-"));
});

afterAll(async () => {
  for (const server of running) server.close();
  await rm(directory, { recursive: true, force: true });
});

async function serving(options?: RecorderScriptOptions): Promise<string> {
  const { url, server } = await serve(options);
  running.push(server);
  return url;
}

describe("GET /recorder.js", () => {
  it("serves the built recorder from client-sdk, cross-origin, cacheable and with an ETag", async () => {
    const { outdir } = await buildRecorder();
    const built = await readFile(join(outdir, "recorder.js"));
    const url = await serving();

    const response = await fetch(`${url}/recorder.js`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(built)).toBe(true);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("etag")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  });

  it("answers 304 to a matching If-None-Match and HEAD without a body", async () => {
    const bundle = join(directory, "cached.js");
    await writeFile(bundle, "/* recorder v1 */");
    const url = await serving({ bundlePath: bundle });
    const etag = (await fetch(`${url}/recorder.js`)).headers.get("etag") ?? "";

    // As a browser revalidates its cached copy (fetch() would add "no-cache" to a bare If-None-Match).
    const revalidated = await fetch(`${url}/recorder.js`, { headers: { "If-None-Match": etag, "Cache-Control": "max-age=0" } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");

    const head = await fetch(`${url}/recorder.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String("/* recorder v1 */".length));
    expect(await head.text()).toBe("");
  });

  it("serves a rebuilt bundle under a new ETag", async () => {
    const bundle = join(directory, "rebuilt.js");
    await writeFile(bundle, "/* recorder v1 */");
    const url = await serving({ bundlePath: bundle });
    const first = await fetch(`${url}/recorder.js`);
    const firstTag = first.headers.get("etag") ?? "";
    await first.text();

    await writeFile(bundle, "/* recorder v2, rebuilt */");
    const second = await fetch(`${url}/recorder.js`, { headers: { "If-None-Match": firstTag, "Cache-Control": "max-age=0" } });
    expect(second.status).toBe(200);
    expect(await second.text()).toBe("/* recorder v2, rebuilt */");
    expect(second.headers.get("etag")).not.toBe(firstTag);
  });

  it("answers 503 saying how to build the bundle while it does not exist", async () => {
    const url = await serving({ bundlePath: join(directory, "missing", "recorder.js") });
    const response = await fetch(`${url}/recorder.js`);
    expect(response.status).toBe(503);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toBe("recorder.js has not been built: run `npm run build:recorder -w client-sdk`\n");
  });

  it("leaves other paths and methods to the rest of the app", async () => {
    const bundle = join(directory, "other.js");
    await writeFile(bundle, "/* recorder */");
    const url = await serving({ bundlePath: bundle });
    expect((await fetch(`${url}/recorder.js`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${url}/recorder.json`)).status).toBe(404);
  });
});
