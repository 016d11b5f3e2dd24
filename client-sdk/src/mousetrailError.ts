import { isTRPCClientError, type TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@mousetrail/server/api/router";

export type { ApiErrorData, FieldIssue } from "@mousetrail/server/api/formatApiError";
export type { AppErrorCode } from "@mousetrail/server/errors/appError";

/**
 * What a failed call throws. When the server answered, `data` says why: `appCode`
 * (`BAD_INPUT`, `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, ...), `httpStatus`, and for
 * refused input `issues`, one `{ field, message }` per field (`allowedOrigins.0`). When the
 * server could not be reached, `data` is undefined and `cause` holds the network error.
 */
export type MousetrailError = TRPCClientError<AppRouter>;

/** Narrows a caught error to `MousetrailError`, so `error.data?.issues` is typed. */
export function isMousetrailError(error: unknown): error is MousetrailError {
  return isTRPCClientError(error);
}
