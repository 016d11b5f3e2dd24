import type Router from "@koa/router";
import { recorderConfigOf } from "../ingest/recorderConfigOf.js";
import type { SiteDirectory } from "../domain/sites/siteDirectory.js";
import { serverOrigin } from "./serverOrigin.js";

/** `GET /collect/config/:siteKey`: public, cacheable for a minute, readable from any origin. */
export function mountRecorderConfigRoute(router: Router, sites: SiteDirectory, publicUrl: string | undefined): void {
  router.get("/collect/config/:siteKey", async (ctx) => {
    ctx.set("Access-Control-Allow-Origin", "*");
    ctx.set("Cross-Origin-Resource-Policy", "cross-origin");
    const resolved = /^pk_[0-9a-z]{24}$/.test(ctx.params.siteKey ?? "") ? await sites.lookup(ctx.params.siteKey as string) : null;
    if (!resolved) {
      ctx.status = 404;
      ctx.body = { error: { message: "siteKey: no site has this key" } };
      return;
    }
    ctx.set("Cache-Control", "public, max-age=60");
    ctx.body = recorderConfigOf(resolved.site.siteKey, resolved.policy, serverOrigin(ctx, publicUrl));
  });
}
