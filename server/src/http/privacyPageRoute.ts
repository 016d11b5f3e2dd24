import type Router from "@koa/router";
import { renderPolicyHtml } from "@mousetrail/policies/render/renderPolicyHtml";
import { renderPolicyMarkdown } from "@mousetrail/policies/render/renderPolicyMarkdown";
import type { Db } from "mongodb";
import { collections } from "../db/collections.js";
import { effectivePolicyOfSite } from "../domain/privacy/effectivePolicyOfSite.js";
import { privacyPageSite } from "../domain/privacy/privacyPageSite.js";
import { serverOrigin } from "./serverOrigin.js";

/**
 * `GET /privacy/:siteKey` (HTML), `/privacy/:siteKey.md` (Markdown) and `?format=json` (the
 * effective policy): the public privacy policy of one site, generated from the very document
 * its recordings are enforced under (MS-5.1). Read fresh on every request, so a settings change
 * shows at once.
 */
export function mountPrivacyPageRoute(router: Router, db: Db, publicUrl: string | undefined): void {
  router.get("/privacy/:page", async (ctx) => {
    const match = /^(pk_[0-9a-z]{24})(\.md)?$/.exec(ctx.params.page ?? "");
    const site = match ? await collections(db).sites.findOne({ siteKey: match[1] as string }) : null;
    if (!match || !site) {
      ctx.status = 404;
      ctx.type = "text/plain";
      ctx.body = "No site has this key.";
      return;
    }
    const policy = await effectivePolicyOfSite(db, site);
    const pageSite = privacyPageSite(site, serverOrigin(ctx, publicUrl));
    // Tenants link to and embed their policy page from their own sites.
    ctx.set("Cross-Origin-Resource-Policy", "cross-origin");
    ctx.set("Cache-Control", "public, max-age=60");
    ctx.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors *; base-uri 'none'; form-action 'none'");
    ctx.remove("X-Frame-Options");
    if (match[2] === ".md") {
      ctx.type = "text/markdown; charset=utf-8";
      ctx.body = renderPolicyMarkdown(policy, pageSite);
    } else if (ctx.query.format === "json" || ctx.accepts("html", "json") === "json") {
      ctx.body = { site: { name: site.name, siteKey: site.siteKey }, policy };
    } else {
      ctx.type = "text/html; charset=utf-8";
      ctx.body = renderPolicyHtml(policy, pageSite);
    }
  });
}
