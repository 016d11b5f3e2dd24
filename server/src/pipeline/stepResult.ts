import type { AppErrorCode } from "../errors/appError.js";

/**
 * What an ingestion step decides about a batch: carry on with a new value, drop it on purpose
 * (accepted but not stored: an opted-out visitor), or reject it as the sender's error. Steps
 * return these instead of throwing, so the runner alone owns control flow and timing.
 */
export type StepResult<T> =
  | { readonly kind: "ok"; readonly value: T }
  | { readonly kind: "drop"; readonly reason: DropReason }
  | { readonly kind: "reject"; readonly rejection: Rejection };

/** MS-4.1, MS-4.2: the browser's privacy signals are refused with their own reasons. */
export type DropReason = "opted-out" | "consent-missing" | "consent-refused" | "global-privacy-control" | "do-not-track";

/** The sender's error, by the one error code (the HTTP layer maps it to a status: httpStatusOf). */
export interface Rejection {
  code: AppErrorCode;
  message: string;
  /** The payload field at fault, when there is one. */
  field?: string;
}

export function ok<T>(value: T): StepResult<T> {
  return { kind: "ok", value };
}

export function drop(reason: DropReason): StepResult<never> {
  return { kind: "drop", reason };
}

export function reject(rejection: Rejection): StepResult<never> {
  return { kind: "reject", rejection };
}
