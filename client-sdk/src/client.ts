import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@mousetrail/server/api/router";

export type { AppRouter };
export { isMousetrailError, type ApiErrorData, type AppErrorCode, type FieldIssue, type MousetrailError } from "./mousetrailError.js";

/** The Mousetrail API: `client.sites.list.query({ tenantId })`, `client.sites.create.mutate({ ... })`. */
export type MousetrailClient = TRPCClient<AppRouter>;
/** What each procedure takes, e.g. `RouterInputs["sites"]["create"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** What each procedure returns, e.g. `RouterOutputs["sites"]["list"][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

interface CommonClientOptions {
  /** Where the Mousetrail server answers, e.g. `https://analytics.example.com`; the API is under `/trpc`. */
  baseUrl: string;
  /** A fetch to use instead of the global one, e.g. to add a timeout or a proxy. */
  fetch?: typeof globalThis.fetch;
}

export type ClientOptions = CommonClientOptions &
  (
    | {
        /** An API key created in the console; it acts on its own tenant, within its scopes. */
        apiKey: string;
      }
    | {
        /**
         * A page served by the Mousetrail server itself (the console): the browser's session cookie
         * authenticates, and every call carries the header that proves it is not a cross-site forgery.
         */
        browserSession: true;
      }
  );

/** The header the server requires on cookie-authenticated mutations (see server/src/api/trpc.ts). */
export const csrfHeader = { "x-mousetrail-csrf": "1" } as const;

/** A typed client for the Mousetrail API, authenticated by an API key or the console's session cookie. */
export function createClient(options: ClientOptions): MousetrailClient {
  const headers = "apiKey" in options ? { authorization: `Bearer ${options.apiKey}` } : { ...csrfHeader };
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/+$/, "")}/trpc`,
        headers,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}
