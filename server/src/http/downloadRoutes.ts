import { Readable } from "node:stream";
import type Router from "@koa/router";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ParameterizedContext } from "koa";
import { z } from "zod";
import { access } from "../api/access.js";
import type { ServerServices } from "../api/context.js";
import { fieldIssuesOf, problemOf } from "../api/formatApiError.js";
import { recordedEventRow, recordingInput, reportExportInput, sessionsExportInput, surveyAnswerRow, surveyAnswersExportInput } from "../api/exports/downloads.schema.js";
import { sessionSummaryOutput } from "../api/sessions/sessions.schema.js";
import { visitorDataInput, visitorDataOutput } from "../api/visitorData/visitorData.schema.js";
import { sessionFilterOf } from "../api/sessions/sessionFilter.schema.js";
import { authorizeTenant, type ProcedureMeta } from "../api/trpc.js";
import type { Download } from "../domain/exports/download.js";
import { exportRecording } from "../domain/exports/exportRecording.js";
import { exportSessions } from "../domain/exports/exportSessions.js";
import { exportSurveyAnswers } from "../domain/exports/exportSurveyAnswers.js";
import { exportReport } from "../rollups/exports/exportReport.js";
import { visitorDataDownload } from "../domain/rightOfAccess/visitorDataDownload.js";
import { openRecording } from "../domain/sessions/openRecording.js";
import { recordingLines } from "../domain/sessions/recordingLines.js";
import type { TenantCall } from "../domain/tenantCall.js";
import { AppError } from "../errors/appError.js";
import { trpcCodeOf } from "../errors/errorStatus.js";
import { visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { createRequestContext } from "./createRequestContext.js";

type Access = NonNullable<ProcedureMeta["access"]>;

/** Says how many rows a file holds when that is known before its first byte (reports): for progress. */
export const rowCountHeader = "X-Mousetrail-Rows";

/** The largest `input` parameter read, in characters: a filter is a few hundred. */
const maxInputChars = 8 * 1024;

function readInput(koa: ParameterizedContext): unknown {
  const text = koa.query.input;
  if (typeof text !== "string") throw new AppError("BAD_INPUT", { userMessage: "input: must be one JSON object in the query string", field: "input" });
  if (text.length > maxInputChars) throw new AppError("BAD_INPUT", { userMessage: `input: must be at most ${maxInputChars} characters`, field: "input" });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_INPUT", { userMessage: "input: must be JSON", field: "input" });
  }
}

/** Refused input reads as in the API's errors: `field: problem`, one issue per field. */
function badInputOf(error: z.ZodError): AppError {
  const issues = fieldIssuesOf(error.issues);
  return new AppError("BAD_INPUT", { userMessage: issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join("; "), issues });
}

function respondWithError(koa: ParameterizedContext, error: unknown, services: ServerServices): void {
  const appError = error instanceof AppError ? error : new AppError("INTERNAL", { userMessage: "Internal server error", cause: error });
  if (appError.code === "INTERNAL") services.logger.error({ err: error, path: koa.path }, "download failed");
  koa.status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeOf[appError.code] }));
  koa.body = {
    error: {
      message: appError.userMessage,
      appCode: appError.code,
      ...(appError.issues
        ? { issues: appError.issues }
        : appError.field
          ? { issues: [{ field: appError.field, message: problemOf(appError.field, appError.userMessage) }] }
          : {}),
    },
  };
}

/** A file's media type (as the `Content-Type` sent, without parameters) and what it holds. */
export interface DownloadMedia {
  description: string;
  /** The JSON document (application/json) or one line (application/x-ndjson); none for CSV. */
  schema?: z.ZodType;
}

/**
 * One download route, the single description both the HTTP router (`mountDownloadRoutes`) and the
 * OpenAPI document (openApiDocument.ts) are built from, so a route cannot be served undocumented.
 * The caller is authenticated as for the API (API key or session cookie), authorized on the
 * input's tenant as a tRPC procedure with the same `access` would be (another tenant's caller gets
 * NOT_FOUND), then the file is streamed as the domain function produces it.
 */
export interface DownloadRoute<TSchema extends z.ZodType<{ tenantId: string }> = z.ZodType<{ tenantId: string }>> {
  path: `/${string}`;
  /** One line for the OpenAPI document. */
  summary: string;
  schema: TSchema;
  access: Access;
  attachment: boolean;
  /** The media types the route answers with; a table's `format` input chooses between CSV and JSON. */
  media: Record<string, DownloadMedia>;
  produce(call: TenantCall, input: z.infer<TSchema>, services: ServerServices): Promise<Download>;
}

/** Checks one route's `produce` against its own schema, then lists it among the others. */
function downloadRoute<TSchema extends z.ZodType<{ tenantId: string }>>(route: DownloadRoute<TSchema>): DownloadRoute {
  return route as unknown as DownloadRoute;
}

/** A table export: CSV (the default `format`) or a JSON array of rows (`format: "json"`). */
function tableMedia(what: string, row: z.ZodType): Record<string, DownloadMedia> {
  return {
    "text/csv": { description: `${what} as CSV (\`format\` \`csv\`, the default): a header row, RFC 4180 quoting, cells starting with = + - @ made inert; \`bom: true\` starts it with a UTF-8 byte order mark` },
    "application/json": { description: `${what} as a JSON array (\`format\` \`json\`)`, schema: z.array(row) },
  };
}

/** One row of a report file: the report's columns, each a number or a string. */
const reportRow = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const recordingArray: DownloadMedia = { description: "The recording as rrweb's Replayer takes it: a JSON array of events, in order", schema: z.array(recordedEventRow) };

export const downloadRoutes: readonly DownloadRoute[] = [
  downloadRoute({
    path: "/exports/sessions",
    summary: "Export the sessions list, under the filters of sessions.list, as CSV or JSON",
    schema: sessionsExportInput,
    access: access.readReports,
    attachment: true,
    media: tableMedia("Every session matching the filters", sessionSummaryOutput),
    produce: (call, input) => exportSessions(call, sessionFilterOf(input), { format: input.format, bom: input.bom }),
  }),
  downloadRoute({
    path: "/exports/report",
    summary: "Export a report (overview, pages, breakdown, heatmap, scrollMap, clickProblems) as CSV or JSON, with the input its procedure takes",
    schema: reportExportInput,
    access: access.readReports,
    attachment: true,
    media: tableMedia("The report's rows (the overview's days, a breakdown's values, a heatmap's cells...), as its procedure answers them; X-Mousetrail-Rows says how many", reportRow),
    produce: (call, { tenantId: _tenantId, format, bom, ...query }) => exportReport(call, query, { format, bom }),
  }),
  downloadRoute({
    path: "/exports/survey-answers",
    summary: "Export a survey's answers as CSV (one column per question) or JSON",
    schema: surveyAnswersExportInput,
    access: access.readSurveys,
    attachment: true,
    media: tableMedia("Every answer to the survey, newest first", surveyAnswerRow),
    produce: (call, input) => exportSurveyAnswers(call, input.surveyId, { format: input.format, bom: input.bom }),
  }),
  downloadRoute({
    path: "/exports/recording",
    summary: "Export a session's recording as rrweb JSON",
    schema: recordingInput,
    access: access.readReports,
    attachment: true,
    media: { "application/json": recordingArray },
    produce: (call, input) => exportRecording(call, input.siteId, input.sessionId),
  }),
  downloadRoute({
    path: "/exports/visitor-data",
    summary: "Download everything held on one visitor of a site (right of access, GDPR Art. 15) as one JSON document",
    schema: visitorDataInput,
    access: access.readVisitorData,
    attachment: true,
    media: { "application/json": { description: "Every record held on the visitor, as visitorData.get answers it", schema: visitorDataOutput } },
    produce: (call, input, services) =>
      visitorDataDownload(call, { siteId: input.siteId, visitorId: input.visitorId, visitorKeySecret: visitorKeySecretOf(services.sessionSecret) }),
  }),
  downloadRoute({
    path: "/recordings/events",
    summary: "Stream a session's recording for a player, one rrweb event per line, while it loads",
    schema: recordingInput,
    access: access.readReports,
    attachment: false,
    media: { "application/x-ndjson": { description: "One rrweb event as JSON per line, in order, sent as the stored chunks are read", schema: recordedEventRow } },
    produce: async (call, input) => {
      const recording = await openRecording(call.scope, input.siteId, input.sessionId);
      return { filename: "recording.ndjson", contentType: "application/x-ndjson; charset=utf-8", body: recordingLines(recording.eventBatches) };
    },
  }),
];

function mountDownload(router: Router, services: ServerServices, route: DownloadRoute): void {
  router.get(route.path, async (koa) => {
    try {
      const raw = readInput(koa);
      const tenantId = typeof raw === "object" && raw !== null ? (raw as { tenantId?: unknown }).tenantId : undefined;
      if (typeof tenantId !== "string") throw new AppError("BAD_INPUT", { userMessage: "tenantId: Required", field: "tenantId" });
      const request = await createRequestContext(services, koa);
      const tenant = await authorizeTenant(request, tenantId, route.access);
      const parsed = route.schema.safeParse(raw);
      if (!parsed.success) throw badInputOf(parsed.error);
      const download = await route.produce({ scope: tenant.scope, actor: tenant.actor, now: services.now() }, parsed.data, services);
      koa.set("Cache-Control", "no-store");
      koa.set("X-Content-Type-Options", "nosniff");
      if (route.attachment) koa.set("Content-Disposition", `attachment; filename="${download.filename}"`);
      if (download.rows !== undefined) koa.set(rowCountHeader, String(download.rows));
      koa.type = download.contentType;
      // Pulled as the client reads: a slow reader slows the cursor instead of filling memory.
      koa.body = Readable.from(download.body, { objectMode: false, highWaterMark: 64 * 1024 });
    } catch (error) {
      respondWithError(koa, error, services);
    }
  });
}

/**
 * `GET /exports/report` (any report as its procedure answers it), `/exports/sessions`, `/exports/survey-answers`, `/exports/recording`, `/exports/visitor-data`
 * (files, each audited) and `GET /recordings/events` (a recording as NDJSON for a player,
 * streamed while it loads): every route of `downloadRoutes`.
 */
export function mountDownloadRoutes(router: Router, services: ServerServices): void {
  for (const route of downloadRoutes) mountDownload(router, services, route);
}
