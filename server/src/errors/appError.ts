/**
 * The one error type domain code throws. `code` decides the HTTP/tRPC status (see
 * `errorStatus.ts`); `message` is for logs and developers, `userMessage` is safe to show
 * to the person who made the request and names the field or limit involved.
 */
export const appErrorCodes = [
  "BAD_INPUT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "PAYLOAD_TOO_LARGE",
  /** An HTTP method the endpoint does not answer (405). */
  "METHOD_NOT_ALLOWED",
  /** A body in a content type or encoding the endpoint does not read (415). */
  "UNSUPPORTED_MEDIA_TYPE",
  "UNAVAILABLE",
  /** MS-1.7: the site's (or its tenant's) analytics are being purged: its batches are refused, not stored behind the purge (412). */
  "PURGE_IN_PROGRESS",
  "INTERNAL",
] as const;

export type AppErrorCode = (typeof appErrorCodes)[number];

export interface AppErrorOptions {
  message?: string;
  userMessage?: string;
  /** The input field the error is about, as a dotted path (`origins.2`). */
  field?: string;
  /** Several invalid fields at once, each with its own message. */
  issues?: { field: string; message: string }[];
  /** Seconds the caller should wait before retrying (RATE_LIMITED, UNAVAILABLE). */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly userMessage: string;
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly issues: { field: string; message: string }[] | undefined;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    const userMessage = options.userMessage ?? options.message ?? code;
    super(options.message ?? userMessage, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = userMessage;
    this.field = options.field;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.issues = options.issues;
  }
}

/** Cross-tenant access and missing objects look the same from outside: NOT_FOUND. */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", { userMessage: `${what} not found` });
}
