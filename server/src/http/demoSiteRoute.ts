import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type Router from "@koa/router";
import type { Db } from "mongodb";
import { collections } from "../db/collections.js";

// server/demo-site, from src/http under vitest and from dist/http when built alike.
const demoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../demo-site");

const pages = {
  "": "home",
  product: "product",
  journal: "journal",
  checkout: "checkout",
} as const;

const assets: Record<string, string> = { "demo.css": "text/css; charset=utf-8", "demo.js": "text/javascript; charset=utf-8", "survey.js": "text/javascript; charset=utf-8" };

function readDemoFile(name: string): string {
  return readFileSync(path.join(demoDir, name), "utf8");
}

/** Fills the layout with one page; `{{title}}` comes from the page's first-line comment. */
export function renderDemoPage(page: (typeof pages)[keyof typeof pages], siteKey: string): string {
  const body = readDemoFile(`${page}.html`);
  const title = /<!-- title: (.*?) -->/.exec(body)?.[1] ?? "Shop";
  return readDemoFile("layout.html")
    .replaceAll("{{title}}", title)
    .replaceAll("{{siteKey}}", siteKey)
    .replace("{{content}}", body)
    .replace(/\{\{nav:(\w+)\}\}/g, (_, name: string) => (name === page ? 'aria-current="page"' : ""));
}

/**
 * `/demo/`: a small shop (a front page, a product, a long article, a checkout form with email,
 * password and card fields) with the recorder snippet installed for the demo tenant's site, so a
 * newcomer can browse and then find their own session through the API. Absent when this
 * installation has no demo (it was never seeded because real users existed).
 */
export function mountDemoSiteRoute(router: Router, db: Db): void {
  router.get("/demo{/:page}", async (ctx) => {
    // Relative links and assets resolve against /demo/, so the bare path is sent there.
    if (ctx.path === "/demo") return ctx.redirect("/demo/");
    const name = ctx.params.page ?? "";
    if (name in assets) {
      ctx.type = assets[name] as string;
      ctx.body = readDemoFile(name);
      return;
    }
    if (!(name in pages)) return;
    const seed = await collections(db).meta.findOne({ _id: "demoSeed", status: "done" });
    const site = seed ? await collections(db).sites.findOne({ _id: String(seed.siteId) }) : null;
    if (!site) {
      ctx.status = 404;
      ctx.type = "text/plain";
      ctx.body = "This installation has no demo site.";
      return;
    }
    ctx.type = "text/html; charset=utf-8";
    // A tenant's page, not our console: it embeds our recorder like any customer site would.
    ctx.set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'");
    ctx.body = renderDemoPage(pages[name as keyof typeof pages], site.siteKey);
  });
}
