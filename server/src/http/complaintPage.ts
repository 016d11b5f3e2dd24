import type Router from "@koa/router";
import type { ParameterizedContext } from "koa";
import type { Db } from "mongodb";
import { submitComplaint } from "../domain/complaints/submitComplaint.js";
import { AppError } from "../errors/appError.js";
import type { ResolvedSite, SiteDirectory } from "../domain/sites/siteDirectory.js";
import type { Logger } from "../logging/logger.js";
import { complaintFormFields, complaintFormLimits, complaintFormSchema, type ComplaintFormField } from "./complaintForm.schema.js";
import {
  complaintPageCsp,
  renderComplaintForm,
  renderComplaintProblem,
  renderComplaintReceived,
  type ComplaintFormErrors,
  type ComplaintFormValues,
  type ComplaintPageSite,
} from "./complaintPageHtml.js";
import { clientKeyOf } from "./createRequestContext.js";
import { BodyTooLargeError, readBoundedBody } from "./readBoundedBody.js";

export interface ComplaintPageOptions {
  db: Db;
  sites: SiteDirectory;
  /** Keys the client address for rate limiting (clientKeyOf); the address itself is never stored. */
  sessionSecret: string;
  logger: Logger;
  now(): Date;
}

/**
 * MS-4.3: the public complaint form of each site, linked from its privacy policy page.
 * - `GET /complaints/:siteKey`: the form.
 * - `POST /complaints/:siteKey` (form post): 201 with the reference number; 400 the form again
 *   with each problem named; 429 past the per-client limit (Retry-After); 404 unknown site.
 * What the complainant sends is personal data given for this purpose: it goes into the ticket
 * and nowhere else. Nothing here logs it, and pages that show it are never cached.
 */
export function mountComplaintPage(router: Router, options: ComplaintPageOptions): void {
  router.get("/complaints/:siteKey", async (ctx) => {
    const resolved = await siteOf(ctx, options.sites);
    if (!resolved) return;
    respond(ctx, 200, renderComplaintForm(pageSiteOf(resolved)));
  });

  router.post("/complaints/:siteKey", async (ctx) => {
    const resolved = await siteOf(ctx, options.sites);
    if (!resolved) return;
    const site = pageSiteOf(resolved);
    if (!ctx.is("application/x-www-form-urlencoded")) {
      ctx.req.resume();
      return respond(ctx, 415, renderComplaintProblem("Complaint not sent", "Send your complaint with the form on this page."));
    }
    let body: Buffer;
    try {
      body = await readBoundedBody(ctx.req, complaintFormLimits.maxBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return respond(ctx, 413, renderComplaintProblem("Complaint not sent", "Your complaint is too long. Shorten it and send it again."));
    }
    const form = new URLSearchParams(body.toString("utf8"));
    const values: ComplaintFormValues = Object.fromEntries(complaintFormFields.flatMap((field) => (form.has(field) ? [[field, form.get(field) ?? ""]] : [])));
    const parsed = complaintFormSchema.safeParse(values);
    if (!parsed.success) {
      const errors: ComplaintFormErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as ComplaintFormField;
        errors[field] ??= issue.message;
      }
      return respond(ctx, 400, renderComplaintForm(site, values, errors));
    }
    try {
      const complaint = await submitComplaint({
        db: options.db,
        site: resolved.site,
        clientKey: clientKeyOf(options.sessionSecret, ctx.ip),
        submission: parsed.data,
        now: options.now(),
      });
      respond(ctx, 201, renderComplaintReceived(site, complaint.reference, complaint.complainant.email));
    } catch (error) {
      if (error instanceof AppError && error.code === "RATE_LIMITED") {
        const minutes = Math.ceil((error.retryAfterSeconds ?? 60) / 60);
        ctx.set("Retry-After", String(error.retryAfterSeconds ?? 60));
        return respond(ctx, 429, renderComplaintProblem("Complaint not sent", `Too many complaints have been sent from your connection. Try again in ${minutes} minutes.`));
      }
      // Logged without the request or the form: only the error, which carries neither.
      options.logger.error({ err: error }, "complaint submission failed");
      ctx.set("Retry-After", "60");
      respond(ctx, 503, renderComplaintProblem("Complaint not sent", "Your complaint could not be saved. Try again in a few minutes."));
    }
  });
}

async function siteOf(ctx: ParameterizedContext, sites: SiteDirectory): Promise<ResolvedSite | null> {
  const siteKey = ctx.params.siteKey ?? "";
  const resolved = /^pk_[0-9a-z]{24}$/.test(siteKey) ? await sites.lookup(siteKey) : null;
  if (!resolved) {
    ctx.req.resume();
    respond(ctx, 404, renderComplaintProblem("Page not found", "No website has this complaint form. Check the link you followed."));
  }
  return resolved;
}

function pageSiteOf(resolved: ResolvedSite): ComplaintPageSite {
  return { siteKey: resolved.site.siteKey, siteName: resolved.site.name, serviceName: resolved.policy.serviceName };
}

function respond(ctx: ParameterizedContext, status: number, html: string): void {
  ctx.set("Content-Security-Policy", complaintPageCsp);
  ctx.set("X-Frame-Options", "DENY");
  ctx.set("Referrer-Policy", "no-referrer");
  // Pages may echo what the complainant typed: never store them in a cache.
  ctx.set("Cache-Control", "no-store");
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.body = html;
}
