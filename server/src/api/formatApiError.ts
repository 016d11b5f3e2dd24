import type { TRPCDefaultErrorShape, TRPCError } from "@trpc/server";
import { AppError, type AppErrorCode } from "../errors/appError.js";
import { unknownFieldProblem } from "./plainIssueMessage.js";

export interface FieldIssue {
  /** Dotted path of the offending input field, `""` for the input as a whole. */
  field: string;
  message: string;
}

export interface ApiErrorData {
  code: TRPCDefaultErrorShape["data"]["code"];
  httpStatus: number;
  path?: string;
  appCode: AppErrorCode;
  /** Input validation problems, one per field. */
  issues?: FieldIssue[];
  retryAfterSeconds?: number;
}

interface IssueLike {
  code?: string;
  path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>;
  message: string;
  /** `unrecognized_keys`: the fields the input should not have had. */
  keys?: string[];
}

function issuesOf(cause: unknown): IssueLike[] | undefined {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  return Array.isArray(issues) ? (issues as IssueLike[]) : undefined;
}

function fieldPath(issue: IssueLike): string {
  return (issue.path ?? []).map((part) => String(typeof part === "object" ? part.key : part)).join(".");
}

/**
 * One issue per field. Messages come from the schema or `plainIssueMessage`; unknown fields,
 * which zod reports together on their parent, are reported each under its own name.
 */
function fieldIssuesOf(issues: IssueLike[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    const field = fieldPath(issue);
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      return issue.keys.map((key) => ({ field: field ? `${field}.${key}` : key, message: unknownFieldProblem }));
    }
    return [{ field, message: issue.message }];
  });
}

/** An AppError about one field says `field: problem`; its issue holds the problem alone. */
function problemOf(field: string, userMessage: string): string {
  return userMessage.startsWith(`${field}: `) ? userMessage.slice(field.length + 2) : userMessage;
}

const appCodeOfTrpc: Partial<Record<TRPCError["code"], AppErrorCode>> = {
  BAD_REQUEST: "BAD_INPUT",
  PARSE_ERROR: "BAD_INPUT",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  SERVICE_UNAVAILABLE: "UNAVAILABLE",
};

/**
 * The single error formatter. Validation failures become `field: problem` messages
 * (`name: must be at most 100 characters`) with a list of issues, each `{ field, problem }`
 * without the field repeated; internal errors never leak their message or stack to the caller.
 */
export function formatApiError({ shape, error }: { shape: TRPCDefaultErrorShape; error: TRPCError }) {
  const appError = error.cause instanceof AppError ? error.cause : undefined;
  const zodIssues = issuesOf(error.cause);
  const issues = appError?.issues ?? (zodIssues ? fieldIssuesOf(zodIssues) : undefined);
  const appCode = appError?.code ?? appCodeOfTrpc[error.code] ?? "INTERNAL";
  let message = shape.message;
  if (issues?.length) {
    message = issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join("; ");
  } else if (appCode === "INTERNAL") {
    message = "Internal server error";
  }
  const data: ApiErrorData = {
    code: shape.data.code,
    httpStatus: shape.data.httpStatus,
    appCode,
    ...(shape.data.path ? { path: shape.data.path } : {}),
    ...(issues?.length ? { issues } : appError?.field ? { issues: [{ field: appError.field, message: problemOf(appError.field, appError.userMessage) }] } : {}),
    ...(appError?.retryAfterSeconds ? { retryAfterSeconds: appError.retryAfterSeconds } : {}),
  };
  return { message, code: shape.code, data };
}
