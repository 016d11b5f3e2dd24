import { Readable } from "node:stream";
import type Router from "@koa/router";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ParameterizedContext } from "koa";
import { z } from "zod";
import { access } from "../api/access.js";
import type { ServerServices } from "../api/context.js";
import { fieldIssuesOf, problemOf } from "../api/formatApiError.js";
import { recordingInput, reportExportInput, sessionsExportInput, surveyAnswersExportInput } from "../api/exports/downloads.schema.js";
import { visitorDataInput } from "../api/visitorData/visitorData.schema.js";
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

/**
 * One download route: the caller is authenticated as for the API (API key or session cookie),
 * authorized on the input's tenant as a tRPC procedure with the same `access` would be (another
 * tenant's caller gets NOT_FOUND), then the file is streamed as the domain function produces it.
 */
function mountDownload<TSchema extends z.ZodType<{ tenantId: string }>>(
  router: Router,
  services: ServerServices,
  path: string,
  spec: { schema: TSchema; access: Access; attachment: boolean; produce(call: TenantCall, input: z.infer<TSchema>): Promise<Download> },
): void {
  router.get(path, async (koa) => {
    try {
      const raw = readInput(koa);
      const tenantId = typeof raw === "object" && raw !== null ? (raw as { tenantId?: unknown }).tenantId : undefined;
      if (typeof tenantId !== "string") throw new AppError("BAD_INPUT", { userMessage: "tenantId: Required", field: "tenantId" });
      const request = await createRequestContext(services, koa);
      const tenant = await authorizeTenant(request, tenantId, spec.access);
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) throw badInputOf(parsed.error);
      const download = await spec.produce({ scope: tenant.scope, actor: tenant.actor, now: services.now() }, parsed.data);
      koa.set("Cache-Control", "no-store");
      koa.set("X-Content-Type-Options", "nosniff");
      if (spec.attachment) koa.set("Content-Disposition", `attachment; filename="${download.filename}"`);
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
 * streamed while it loads).
 */
export function mountDownloadRoutes(router: Router, services: ServerServices): void {
  const visitorKeySecret = visitorKeySecretOf(services.sessionSecret);
  mountDownload(router, services, "/exports/sessions", {
    schema: sessionsExportInput,
    access: access.readReports,
    attachment: true,
    produce: (call, input) => exportSessions(call, sessionFilterOf(input), { format: input.format, bom: input.bom }),
  });
  mountDownload(router, services, "/exports/report", {
    schema: reportExportInput,
    access: access.readReports,
    attachment: true,
    produce: (call, { tenantId: _tenantId, format, bom, ...query }) => exportReport(call, query, { format, bom }),
  });
  mountDownload(router, services, "/exports/survey-answers", {
    schema: surveyAnswersExportInput,
    access: access.readSurveys,
    attachment: true,
    produce: (call, input) => exportSurveyAnswers(call, input.surveyId, { format: input.format, bom: input.bom }),
  });
  mountDownload(router, services, "/exports/recording", {
    schema: recordingInput,
    access: access.readReports,
    attachment: true,
    produce: (call, input) => exportRecording(call, input.siteId, input.sessionId),
  });
  mountDownload(router, services, "/exports/visitor-data", {
    schema: visitorDataInput,
    access: access.readVisitorData,
    attachment: true,
    produce: (call, input) => visitorDataDownload(call, { siteId: input.siteId, visitorId: input.visitorId, visitorKeySecret }),
  });
  mountDownload(router, services, "/recordings/events", {
    schema: recordingInput,
    access: access.readReports,
    attachment: false,
    produce: async (call, input) => {
      const recording = await openRecording(call.scope, input.siteId, input.sessionId);
      return { filename: "recording.ndjson", contentType: "application/x-ndjson; charset=utf-8", body: recordingLines(recording.eventBatches) };
    },
  });
}
