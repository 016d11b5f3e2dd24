/**
 * How the collect server answered one batch, as what the uploader does next:
 * - `stored`: 204, or 200 `{ duplicate: true }` (a retry of a batch stored before);
 * - `discard`: a 4xx other than 403 and 429: this batch can never be accepted; drop it and go on;
 * - `stop`: 403 (unknown site, foreign origin) or 200 `{ stored: false }` (opted out, no consent):
 *   stop recording;
 * - `{ retryAfterMs }`: a network error, 429 or 5xx: send the same batch again, not before
 *   `Retry-After` when the server gave one.
 */
export type CollectOutcome = "stored" | "discard" | "stop" | { readonly retryAfterMs: number | null };

export function classifyCollectResponse(status: number, body: unknown, retryAfter: string | null): CollectOutcome {
  // Any JSON value reads safely here: `stored` of null is undefined, of a string or number too.
  if (status === 200) return (body as { stored?: unknown } | null)?.stored === false ? "stop" : "stored";
  // fetch never exposes a 1xx answer.
  if (status < 300) return "stored";
  if (status === 429 || status >= 500) return { retryAfterMs: retryAfterMs(retryAfter) };
  return status === 403 ? "stop" : "discard";
}

/**
 * `Retry-After` in milliseconds: delay-seconds, the only form the collect endpoint sends
 * (server/src/http/recorderEndpoint.ts); null when absent or anything else (an HTTP date from a
 * proxy then falls back to the jittered backoff, which is what a missing header gets).
 */
export function retryAfterMs(header: string | null): number | null {
  // Number() ignores the white space around the digits, as the pattern does.
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number(header) * 1000 : null;
}

export const backoffBaseMs = 1_000;
export const backoffMaxMs = 30_000;

/**
 * Exponential backoff with full jitter: a uniformly random wait up to `backoffBaseMs * 2^attempt`
 * (attempt 0 is the first retry), capped at `backoffMaxMs`, so recorders on many pages do not come
 * back at the same moment after an outage. A `Retry-After` from the server is a floor, never
 * shortened by the jitter.
 */
export function retryDelayMs(attempt: number, retryAfter: number | null, random: () => number = Math.random): number {
  return Math.max(retryAfter ?? 0, Math.round(random() * Math.min(backoffMaxMs, backoffBaseMs * 2 ** attempt)));
}
