import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Router from "@koa/router";

/** console/dist, from server/src/http under vitest and from server/dist/http when built alike. */
export const builtConsoleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../console/dist");

/**
 * The console's HTML runs only its own bundled scripts and styles and talks only to this
 * server: no inline script, no third-party host, no framing by other sites.
 */
export const consoleContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** The console's own URLs (console/src/pages mirrors them): each answers with the app's HTML. */
export const consolePaths = ["/", "/sign-in", "/sign-up", "/invitation", "/account", "/t/:tenantId{/*rest}", "/staff{/*rest}"];

const assetTypes: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};
// Vite names every asset `name-hash.ext`: no path separators, nothing to traverse with.
const assetName = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,120}$/;

/**
 * `GET /` and the console's other pages: the SolidJS app built by `npm start` (or
 * `npm run build -w @mousetrail/console`) into console/dist. Assets are content-hashed, so
 * they are cached for good; the HTML is never cached, so a new build is picked up at once.
 */
export function mountConsoleRoute(router: Router, consoleDir: string = builtConsoleDir): void {
  // Browsers ask for it on every page, the demo shop's included; there is none.
  router.get("/favicon.ico", (ctx) => {
    ctx.status = 204;
    ctx.set("Cache-Control", "public, max-age=86400");
  });
  router.get("/assets/:file", async (ctx) => {
    const file = ctx.params.file ?? "";
    const type = assetTypes[path.extname(file)];
    if (!type || !assetName.test(file)) return;
    const body = await readIfPresent(path.join(consoleDir, "assets", file));
    if (body === null) return;
    ctx.type = type;
    ctx.set("Cache-Control", "public, max-age=31536000, immutable");
    ctx.body = body;
  });
  router.get(consolePaths, async (ctx) => {
    const html = await readIfPresent(path.join(consoleDir, "index.html"));
    ctx.set("Cache-Control", "no-store");
    ctx.set("Content-Security-Policy", consoleContentSecurityPolicy);
    ctx.type = "text/html; charset=utf-8";
    if (html === null) {
      ctx.status = 503;
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mousetrail</title></head><body><main>
<h1>The console is not built</h1>
<p>Run <code>npm start</code>, which builds it, or <code>npm run build -w @mousetrail/console</code>.
The API answers meanwhile under <a href="/openapi.json">/trpc</a>.</p></main></body></html>`;
      return;
    }
    ctx.body = html;
  });
}

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
