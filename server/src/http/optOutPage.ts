import type Router from "@koa/router";
import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { buildPolicyPage, type Inline } from "@mousetrail/policies/render/policyPage";
import { durationInWords } from "@mousetrail/policies/render/lifetimeInWords";
import type { ParameterizedContext } from "koa";
import type { Db } from "mongodb";
import { assertWithinRateLimit, countRateLimitHit, type RateLimitRule } from "../domain/auth/rateLimit.js";
import { hostedOptOutPageActor, recordVisitorOptOut } from "../domain/compliance/recordVisitorOptOut.js";
import { visitorIdPattern } from "../domain/compliance/visitorId.js";
import { privacyPageSite } from "../domain/privacy/privacyPageSite.js";
import { normalizeOrigin } from "../domain/sites/normalizeOrigin.js";
import { AppError } from "../errors/appError.js";
import { visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import type { ResolvedSite, SiteDirectory } from "../domain/sites/siteDirectory.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { clientKeyOf } from "./createRequestContext.js";
import {
  optOutPageContentSecurityPolicy,
  renderOptedOut,
  renderOptOutForm,
  renderOptOutHelp,
  renderOptOutProblem,
  type DisableLink,
  type OptOutCookieFacts,
  type OptOutPageSite,
} from "./optOutPageHtml.js";
import { BodyTooLargeError, readBoundedBody } from "./readBoundedBody.js";

export interface OptOutPageOptions {
  db: Db;
  sites: SiteDirectory;
  sessionSecret: string;
  /** PUBLIC_URL: the address the recorder hands out; a form posted from it is our own. */
  publicUrl?: string | undefined;
  now(): Date;
}

/** MS-3.4: opt-outs per client address (as a keyed hash), generous for people, tight for scripts. */
export const optOutPostsPerClient: RateLimitRule = { bucket: "optout-client", limit: 20, windowSeconds: 600 };

const maxFormBytes = 8 * 1024;
const maxReturnUrlLength = 2048;

/**
 * `GET /optout/:siteKey[?v=<visitor id>][&return=<url on the site>]` and the form's
 * `POST /optout/:siteKey`: the hosted opt-out page of one site (MS-4.1), the link the recorder
 * and the site's privacy policy hand out. The POST stores an opt-out under the site-scoped key
 * of the visitor id, after which ingestion drops everything sent with it; it is audited
 * without anything about the visitor. After opting out the page links back to the `return`
 * page (only on one of the site's own origins: no open redirect) with the policy's opt-out
 * query parameter, which makes the recorder set the opt-out cookie on the site (MS-1.11).
 *
 * A link, not a redirect: the confirmation and the visitor id to quote in an erasure request
 * must be seen, and an automatic redirect would take them away before they are read.
 */
export function mountOptOutPage(router: Router, options: OptOutPageOptions): void {
  const visitorKeySecret = visitorKeySecretOf(options.sessionSecret);

  router.get("/optout/:siteKey", async (ctx) => {
    privatePage(ctx);
    const resolved = await resolveSite(options.sites, ctx.params.siteKey);
    if (!resolved) return unknownSite(ctx);
    const site = pageSiteOf(resolved, ctx);
    const visitorId = singleValue(ctx.query.v);
    const returnParameter = singleValue(ctx.query.return);
    const returnLink = returnLinkOf(returnParameter, resolved);
    if (visitorId !== undefined && visitorIdPattern.test(visitorId)) {
      // The form carries `return` on only when it is one of the site's pages; the POST checks it again.
      ctx.body = renderOptOutForm({ site, visitorId, returnUrl: returnLink ? (returnParameter ?? null) : null, action: ctx.path });
      return;
    }
    ctx.body = renderOptOutHelp({
      site,
      invalidVisitorId: visitorId !== undefined && visitorId !== "",
      disableLinks: returnLink ? [returnLink] : disableLinksOf(resolved),
      cookie: cookieFactsOf(resolved.policy),
    });
  });

  router.post("/optout/:siteKey", async (ctx) => {
    privatePage(ctx);
    const now = options.now();
    const clientKey = clientKeyOf(options.sessionSecret, ctx.ip);
    try {
      await assertWithinRateLimit(options.db, optOutPostsPerClient, clientKey, now);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "RATE_LIMITED") throw error;
      ctx.req.resume();
      ctx.set("Retry-After", String(error.retryAfterSeconds ?? optOutPostsPerClient.windowSeconds));
      return problem(ctx, 429, "Too many requests", "This address has sent too many opt-out requests. Wait a few minutes and try again.");
    }
    await countRateLimitHit(options.db, optOutPostsPerClient, clientKey, now);

    const foreign = foreignFormOrigin(ctx, options.publicUrl);
    if (foreign) {
      ctx.req.resume();
      return problem(ctx, 403, "This form was sent from another site", `Opt-outs are accepted only from this page itself, not from ${foreign}. Open the opt-out link again and use its button.`);
    }
    const resolved = await resolveSite(options.sites, ctx.params.siteKey);
    if (!resolved) {
      ctx.req.resume();
      return unknownSite(ctx);
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBoundedBody(ctx.req, maxFormBytes)).toString("utf8"));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return problem(ctx, 413, "The form is too large", `An opt-out form is at most ${maxFormBytes} bytes.`);
      throw error;
    }
    const visitorId = form.get("v") ?? "";
    if (!visitorIdPattern.test(visitorId)) {
      return problem(ctx, 400, "No visitor id to opt out", "This form needs the visitor id from the opt-out link on the site. Follow that link again and use its button.");
    }
    const call = { scope: tenantScope(options.db, resolved.site.tenantId), actor: hostedOptOutPageActor, now };
    const { newlyRecorded } = await recordVisitorOptOut(call, { siteId: resolved.site._id, visitorId, visitorKeySecret });
    ctx.body = renderOptedOut({
      site: pageSiteOf(resolved, ctx),
      visitorId,
      alreadyOptedOut: !newlyRecorded,
      returnLink: returnLinkOf(form.get("return") ?? undefined, resolved),
      disableLinks: disableLinksOf(resolved),
      cookie: cookieFactsOf(resolved.policy),
    });
  });
}

function privatePage(ctx: ParameterizedContext): void {
  ctx.type = "text/html; charset=utf-8";
  // The page shows the visitor id: never cached, never sent on as a Referer.
  ctx.set("Cache-Control", "no-store");
  ctx.set("Referrer-Policy", "same-origin");
  ctx.set("Content-Security-Policy", optOutPageContentSecurityPolicy);
  ctx.set("X-Frame-Options", "DENY");
}

function problem(ctx: ParameterizedContext, status: number, title: string, message: string): void {
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.body = renderOptOutProblem({ title, message });
}

function unknownSite(ctx: ParameterizedContext): void {
  problem(ctx, 404, "No site uses this opt-out link", "The link may be mistyped, or the site has changed its key. Follow the opt-out link on the site again.");
}

async function resolveSite(sites: SiteDirectory, siteKey: string | undefined): Promise<ResolvedSite | null> {
  return siteKey && /^pk_[0-9a-z]{24}$/.test(siteKey) ? sites.lookup(siteKey) : null;
}

function singleValue(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * A cross-site form post carries the other site's Origin (or, failing that, Referer): only this
 * page's own origin is accepted. Adding an opt-out can only protect a visitor, but nobody should
 * be opted out by a page they did not mean to use.
 */
function foreignFormOrigin(ctx: ParameterizedContext, publicUrl: string | undefined): string | null {
  // (Koa's ctx.origin is the request's Origin header, not the server's.)
  const own = new Set([`${ctx.protocol}://${ctx.host}`, ...(publicUrl ? [new URL(publicUrl).origin] : [])]);
  const origin = ctx.get("origin");
  if (origin) return own.has(origin) ? null : origin;
  const referer = ctx.get("referer");
  if (!referer) return null;
  try {
    const refererOrigin = new URL(referer).origin;
    return own.has(refererOrigin) ? null : refererOrigin;
  } catch {
    return "an unreadable Referer";
  }
}

function pageSiteOf(resolved: ResolvedSite, ctx: ParameterizedContext): OptOutPageSite {
  const policySite = privacyPageSite(resolved.site, `${ctx.protocol}://${ctx.host}`);
  const policyPage = buildPolicyPage(resolved.policy, policySite);
  const blocks = policyPage.sections.find((section) => section.id === "information-received")?.blocks ?? [];
  return {
    name: resolved.site.name,
    serviceName: resolved.policy.serviceName,
    policyPageUrl: `/privacy/${resolved.site.siteKey}`,
    recorded: blocks.flatMap((block): Inline[][] => (block.kind === "list" ? block.items.map((item) => [...item.content]) : [])),
    cookies: blocks.flatMap((block) => (block.kind === "cookie-table" ? block.rows.map((row) => ({ name: row.name, purpose: row.purpose, lifetime: row.lifetime })) : [])),
  };
}

function cookieFactsOf(policy: EffectivePolicy): OptOutCookieFacts {
  return {
    cookieName: policy.optOut.cookieName,
    queryParameter: `${policy.optOut.queryParameter}=${policy.optOut.queryValue}`,
    lifetime: durationInWords(policy.optOut.cookieLifetimeSeconds),
  };
}

/** MS-1.11: `url` with the policy's opt-out query parameter, which the recorder turns into its cookie. */
function withOptOutParameter(url: URL, policy: EffectivePolicy): string {
  const withParameter = new URL(url);
  withParameter.searchParams.set(policy.optOut.queryParameter, policy.optOut.queryValue);
  return withParameter.toString();
}

/** The `return` page, only when it is on one of the site's own origins: anything else is ignored. */
function returnLinkOf(value: string | undefined, resolved: ResolvedSite): DisableLink | null {
  if (!value || value.length > maxReturnUrlLength) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) return null;
  const origin = normalizeOrigin(url.origin);
  if (!origin || !resolved.site.allowedOrigins.includes(origin)) return null;
  return { origin, href: withOptOutParameter(url, resolved.policy) };
}

function disableLinksOf(resolved: ResolvedSite): DisableLink[] {
  return resolved.site.allowedOrigins.map((origin) => ({ origin, href: withOptOutParameter(new URL(`${origin}/`), resolved.policy) }));
}
