import type Router from "@koa/router";

/**
 * `GET /`: where the printed URL leads. Until the console ships, a plain page pointing at what
 * this server offers: the demo shop, the API description and the health check.
 */
export function mountHomePage(router: Router): void {
  // Browsers ask for it on every page, the demo shop's included; there is none.
  router.get("/favicon.ico", (ctx) => {
    ctx.status = 204;
    ctx.set("Cache-Control", "public, max-age=86400");
  });
  router.get("/", (ctx) => {
    ctx.type = "text/html; charset=utf-8";
    ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mousetrail</title>
<link rel="stylesheet" href="/demo/demo.css">
</head><body><main>
<h1>Mousetrail</h1>
<p>Privacy-first customer experience analytics. This server records, masks and stores sessions under each site's privacy policy.</p>
<ul>
<li><a href="/demo/">The demo shop</a>: browse it, type into its checkout form, then find your session with <code>sessions.list</code>.</li>
<li><a href="/openapi.json">The API (OpenAPI 3.1)</a>: every procedure under <code>/trpc</code>, for the typed SDK or plain HTTP.</li>
<li><a href="/stats">Platform statistics</a> and the <a href="/healthz">health check</a>.</li>
</ul>
</main></body></html>`;
  });
}
