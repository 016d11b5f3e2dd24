import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@mousetrail/server/api/router";

export type { AppRouter };
export { isMousetrailError, type ApiErrorData, type AppErrorCode, type FieldIssue, type MousetrailError } from "./mousetrailError.js";
export { RecordingStreamError, streamRecording, type RecordingEvent, type RecordingStreamOptions } from "./streamRecording.js";

/** The Mousetrail API: `client.sites.list.query({ tenantId })`, `client.sites.create.mutate({ ... })`. */
export type MousetrailClient = TRPCClient<AppRouter>;
/** What each procedure takes, e.g. `RouterInputs["sites"]["create"]`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** What each procedure returns, e.g. `RouterOutputs["sites"]["list"][number]`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export interface ClientOptions {
  /** Where the Mousetrail server answers, e.g. `https://analytics.example.com`; the API is under `/trpc`. */
  baseUrl: string;
  /** An API key created in the console; it acts on its own tenant, within its scopes. */
  apiKey: string;
  /** A fetch to use instead of the global one, e.g. to add a timeout or a proxy. */
  fetch?: typeof globalThis.fetch;
}

/** A typed client for the Mousetrail API, authenticated by an API key. */
export function createClient(options: ClientOptions): MousetrailClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.baseUrl.replace(/\/+$/, "")}/trpc`,
        headers: { authorization: `Bearer ${options.apiKey}` },
        ...(options.fetch ? { fetch: options.fetch } : {}),
      }),
    ],
  });
}
