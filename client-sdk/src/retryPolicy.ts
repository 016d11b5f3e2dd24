/**
 * When the client sends a failed call again. Only queries are retried: they read and change
 * nothing, so sending one twice is harmless. A mutation may have reached the server before the
 * connection dropped; sending it again could create a second site or revoke a key twice, so a
 * failed mutation is always handed back to the caller.
 */
export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retrying off. Default 3. */
  attempts?: number;
  /** The wait before the first retry; each later one waits twice as long. Default 200 ms. */
  baseDelayMs?: number;
  /** The longest wait between two attempts. Default 5,000 ms. */
  maxDelayMs?: number;
}

export const defaultRetry: Required<RetryOptions> = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5_000 };

/** Statuses that say "try again later": rate limited, or the server or a proxy is unavailable. */
const transientStatuses = new Set([429, 502, 503, 504]);

export interface FailedCall {
  type: "query" | "mutation" | "subscription";
  /** The HTTP status of the answer; undefined when no answer came (network error, timeout). */
  httpStatus: number | undefined;
  /** Attempts made so far, the first included. */
  attempts: number;
  /** The server's `retryAfterSeconds` (with 429 and 503): sooner is pointless. */
  retryAfterSeconds?: number | undefined;
}

export function shouldRetry(call: FailedCall, options: Required<RetryOptions>): boolean {
  if (call.type !== "query" || call.attempts >= options.attempts) return false;
  // Asked to wait longer than the client may: hand the error back rather than be refused again.
  if ((call.retryAfterSeconds ?? 0) * 1000 > options.maxDelayMs) return false;
  return call.httpStatus === undefined || transientStatuses.has(call.httpStatus);
}

/**
 * The wait after `attemptsMade` failed attempts, exponential: `baseDelayMs` after the first,
 * twice that after the second, and so on, never over `maxDelayMs`; at least what the server
 * asked for (`shouldRetry` has already refused a wait over `maxDelayMs`).
 */
export function retryDelayMs(attemptsMade: number, options: Required<RetryOptions>, retryAfterSeconds?: number): number {
  const backoff = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attemptsMade - 1));
  return Math.max(backoff, (retryAfterSeconds ?? 0) * 1000);
}

/** Checks the options once, so a typo fails at `createClient`, not at the first outage. */
export function resolveRetryOptions(retry: RetryOptions | false | undefined): Required<RetryOptions> {
  if (retry === false) return { ...defaultRetry, attempts: 1 };
  const resolved = { ...defaultRetry, ...retry };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`retry.${name}: must be a number at least 0, got ${String(value)}`);
  }
  if (!Number.isInteger(resolved.attempts) || resolved.attempts < 1) {
    throw new RangeError(`retry.attempts: must be a whole number at least 1, got ${resolved.attempts}`);
  }
  return resolved;
}
