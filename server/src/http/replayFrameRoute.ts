import type Router from "@koa/router";

/**
 * The document the console's replay player draws a recorded page into. A recording carries the
 * page's own styles (`<style>` elements and `style` attributes), which the console's CSP rightly
 * refuses; this empty page allows inline styles and nothing else that could run or reach out: no
 * script at all (the console drives its DOM from outside, same origin), images, styles and fonts
 * from this server only, so a replayed page makes no request to its own site or any other host.
 * rrweb's replay iframe inside it inherits this policy, and is sandboxed as well.
 */
export const replayFrameContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "frame-src 'none'",
  "frame-ancestors 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export const replayFramePath = "/replay-frame";

const replayFrameHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Session replay</title></head><body></body></html>`;

export function mountReplayFrameRoute(router: Router): void {
  router.get(replayFramePath, (ctx) => {
    ctx.set("Content-Security-Policy", replayFrameContentSecurityPolicy);
    ctx.set("Cache-Control", "no-store");
    ctx.type = "text/html; charset=utf-8";
    ctx.body = replayFrameHtml;
  });
}
