import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { AppErrorCode } from "./appError.js";

/** Maps our error codes to tRPC codes (and so to HTTP statuses): the one place that does it. */
export const trpcCodeOf: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_INPUT: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  METHOD_NOT_ALLOWED: "METHOD_NOT_SUPPORTED",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
  PURGE_IN_PROGRESS: "PRECONDITION_FAILED",
  INTERNAL: "INTERNAL_SERVER_ERROR",
};

/** The HTTP status of each code, for the routes that answer outside tRPC (the recorder's endpoints). */
export const httpStatusOf: Record<AppErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAVAILABLE: 503,
  PURGE_IN_PROGRESS: 412,
  INTERNAL: 500,
};
