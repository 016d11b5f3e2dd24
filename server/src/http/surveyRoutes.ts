import type Router from "@koa/router";
import type { Db } from "mongodb";
import { createSurveyAnswerPipeline } from "../domain/surveys/answers/surveyAnswerPipeline.js";
import { listActiveSurveys } from "../domain/surveys/listActiveSurveys.js";
import { surveyAnswerLimits, type ActiveSurveys } from "../domain/surveys/surveyWire.schema.js";
import type { SiteDirectory } from "../domain/sites/siteDirectory.js";
import type { Logger } from "../logging/logger.js";
import { BodyTooLargeError, readBoundedBody } from "./readBoundedBody.js";
import { allowRecorderOrigins, allowRecorderPreflight, answerJson, answerRecorderOutcome, browserSignalsOf } from "./recorderEndpoint.js";
import { serverOrigin } from "./serverOrigin.js";

export interface SurveyRoutesOptions {
  db: Db;
  sites: SiteDirectory;
  visitorKeySecret: Buffer;
  logger: Logger;
  publicUrl: string | undefined;
  now(): Date;
  batchInFlightMs?: number;
}

const maxPathLength = 2048;

/**
 * The recorder's survey endpoints (MS-1.13), public and readable from any origin; the wire
 * format is in domain/surveys/surveyWire.schema.ts.
 * - `GET /surveys/active/:siteKey?path=/pricing`: the site's active surveys for that page,
 *   cacheable for a minute. 404 unknown site key; 400 without a path.
 * - `POST /surveys/answers`: one visitor's answers, through the same site, origin, consent and
 *   opt-out rules as /collect, with free text redacted of PII before it is stored.
 */
export function mountSurveyRoutes(router: Router, options: SurveyRoutesOptions): void {
  const pipeline = createSurveyAnswerPipeline({
    db: options.db,
    sites: options.sites,
    visitorKeySecret: options.visitorKeySecret,
    ...(options.batchInFlightMs !== undefined ? { batchInFlightMs: options.batchInFlightMs } : {}),
  });

  router.get("/surveys/active/:siteKey", async (ctx) => {
    allowRecorderOrigins(ctx);
    const resolved = /^pk_[0-9a-z]{24}$/.test(ctx.params.siteKey ?? "") ? await options.sites.lookup(ctx.params.siteKey as string) : null;
    if (!resolved) return answerJson(ctx, 404, { error: { message: "siteKey: no site has this key", field: "siteKey" } });
    const path = ctx.query.path;
    if (typeof path !== "string" || !path.startsWith("/") || path.length > maxPathLength) {
      return answerJson(ctx, 400, { error: { message: `path: must be the page's path, such as /pricing (at most ${maxPathLength} characters)`, field: "path" } });
    }
    // The path is only matched, never stored or logged (the request log omits query strings).
    const pagePath = path.split(/[?#]/, 1)[0] as string;
    const body: ActiveSurveys = {
      siteKey: resolved.site.siteKey,
      answersUrl: `${serverOrigin(ctx, options.publicUrl)}/surveys/answers`,
      consentMode: resolved.policy.consent.mode,
      visitorCookie: resolved.policy.cookies.find((cookie) => cookie.role === "visitor")?.name ?? null,
      surveys: await listActiveSurveys(options.db, resolved.site, resolved.policy, pagePath, options.now()),
    };
    ctx.set("Cache-Control", "public, max-age=60");
    ctx.body = body;
  });

  router.options("/surveys/answers", (ctx) => allowRecorderPreflight(ctx, "Content-Type"));

  router.post("/surveys/answers", async (ctx) => {
    allowRecorderOrigins(ctx);
    try {
      let body: Buffer;
      try {
        body = await readBoundedBody(ctx.req, surveyAnswerLimits.maxBodyBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return answerJson(ctx, 413, { error: { message: error.message } });
        throw error;
      }
      const outcome = await pipeline.run({
        body,
        origin: ctx.get("origin") || undefined,
        browserSignals: browserSignalsOf(ctx),
        receivedAt: options.now(),
      });
      answerRecorderOutcome(ctx, outcome);
    } catch (error) {
      // The server's fault, not the submission's: the recorder may retry with the same responseId.
      options.logger.error({ err: error }, "survey answers failed");
      answerJson(ctx, 503, { error: { message: "temporarily unable to store these answers: retry later" } }, 5);
    }
  });
}
