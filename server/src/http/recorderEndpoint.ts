import type { ParameterizedContext } from "koa";
import { httpStatusOf } from "../errors/errorStatus.js";
import type { DropReason, Rejection } from "../pipeline/stepResult.js";

/**
 * What the endpoints the recorder calls from tenants' pages (/collect, /surveys/answers) share:
 * they are readable from any origin (no credentials are sent; origins are checked against the
 * site), and they answer a pipeline's outcome the same way, so the recorder has one protocol.
 */
export function allowRecorderOrigins(ctx: ParameterizedContext): void {
  ctx.set("Access-Control-Allow-Origin", "*");
  // Without this the recorder's script cannot read how long to wait after a 429 or 503.
  ctx.set("Access-Control-Expose-Headers", "Retry-After");
  ctx.set("Cross-Origin-Resource-Policy", "cross-origin");
  ctx.set("Cache-Control", "no-store");
}

export function allowRecorderPreflight(ctx: ParameterizedContext, headers: string): void {
  allowRecorderOrigins(ctx);
  ctx.set("Access-Control-Allow-Methods", "POST");
  ctx.set("Access-Control-Allow-Headers", headers);
  ctx.set("Access-Control-Max-Age", "86400");
  ctx.status = 204;
}

/** MS-4.2: the privacy signals the browser puts on every request, whatever the recorder's script does. */
export function browserSignalsOf(ctx: ParameterizedContext): { globalPrivacyControl: boolean; doNotTrack: boolean } {
  return { globalPrivacyControl: ctx.get("sec-gpc").trim() === "1", doNotTrack: ctx.get("dnt").trim() === "1" };
}

export function answerJson(ctx: ParameterizedContext, status: number, body: unknown, retryAfterSeconds?: number): void {
  ctx.status = status;
  ctx.body = body;
  if (retryAfterSeconds) ctx.set("Retry-After", String(retryAfterSeconds));
}

export type RecorderOutcome =
  | { kind: "ok"; value: { duplicate: boolean } }
  | { kind: "drop"; reason: DropReason }
  | { kind: "reject"; rejection: Rejection };

/** 204 stored; 200 `{ duplicate: true }`; 200 `{ stored: false, reason }`; the status of the rejection's code with `{ error }`. */
export function answerRecorderOutcome(ctx: ParameterizedContext, outcome: RecorderOutcome): void {
  if (outcome.kind === "ok") {
    if (outcome.value.duplicate) return answerJson(ctx, 200, { duplicate: true });
    ctx.status = 204;
    return;
  }
  if (outcome.kind === "drop") return answerJson(ctx, 200, { stored: false, reason: outcome.reason });
  const { code, message, field } = outcome.rejection;
  answerJson(ctx, httpStatusOf[code], { error: { code, message, ...(field ? { field } : {}) } });
}
