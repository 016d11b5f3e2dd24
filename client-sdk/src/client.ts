import { createTRPCClient, httpBatchLink, retryLink, type TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@mousetrail/server/api/router";
import { fetchWithTimeout } from "./requestTimeout.js";
import { resolveRetryOptions, retryDelayMs, shouldRetry, type RetryOptions } from "./retryPolicy.js";

export type { AppRouter };
export type { RetryOptions };
export { isMousetrailError, type ApiErrorData, type AppErrorCode, type FieldIssue, type MousetrailError } from "./mousetrailError.js";

/** The Mousetrail API: `client.sites.list.query({ tenantId })`, `client.sites.create.mutate({ ... })`. */
export type MousetrailClient = TRPCClient<AppRouter>;
/** What each procedure takes, e.g. `RouterInputs["sites"]["create"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** What each procedure returns, e.g. `RouterOutputs["sites"]["list"][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
/** What an API key may do: `reports:read`, `config:write`, ... */
export type ApiKeyScope = RouterOutputs["apiKeys"]["list"][number]["scopes"][number];

export interface ClientOptions {
  /** Where the Mousetrail server answers, e.g. `https://analytics.example.com`; the API is under `/trpc`. */
  baseUrl: string;
  /** An API key (`apiKeys.create`); it acts on its own tenant, within its scopes. */
  apiKey: string;
  /** A fetch to use instead of the global one, e.g. to go through a proxy. */
  fetch?: typeof globalThis.fetch;
  /** Give up on a request whose answer has not started after this long. Default 30,000 ms. */
  timeoutMs?: number;
  /**
   * Retrying of queries that failed for want of an answer (network error, timeout) or with
   * 429, 502, 503 or 504, with exponential backoff, waiting at least the server's
   * `retryAfterSeconds` (and not retrying when that is over `maxDelayMs`). Mutations are never
   * retried. `false` turns it off. Default `{ attempts: 3, baseDelayMs: 200, maxDelayMs: 5000 }`.
   */
  retry?: RetryOptions | false;
}

export const defaultTimeoutMs = 30_000;

/** A typed client for the Mousetrail API, authenticated by an API key. */
export function createClient(options: ClientOptions): MousetrailClient {
  const retry = resolveRetryOptions(options.retry);
  const fetch = fetchWithTimeout(options.fetch ?? globalThis.fetch, options.timeoutMs ?? defaultTimeoutMs);
  // retryLink asks `retry` and then, at once and for the same failure, `retryDelayMs`: the
  // server's Retry-After read in the first is used by the second.
  let retryAfterSeconds: number | undefined;
  return createTRPCClient<AppRouter>({
    links: [
      retryLink({
        retry: ({ op, error, attempts }) => {
          retryAfterSeconds = error.data?.retryAfterSeconds;
          return shouldRetry({ type: op.type, httpStatus: error.data?.httpStatus ?? httpStatusOf(error.meta), attempts, retryAfterSeconds }, retry);
        },
        retryDelayMs: (attemptsMade) => retryDelayMs(attemptsMade, retry, retryAfterSeconds),
      }),
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/+$/, "")}/trpc`,
        headers: { authorization: `Bearer ${options.apiKey}` },
        fetch,
      }),
    ],
  });
}

/** The status of an answer that was not a tRPC error (a proxy's 502 page), from the link's meta. */
function httpStatusOf(meta: Record<string, unknown> | undefined): number | undefined {
  const response = meta?.response as { status?: unknown } | undefined;
  return typeof response?.status === "number" ? response.status : undefined;
}
