import { z } from "zod";
import { idSchema, tenantInput } from "../common.schema.js";
import { sessionFilterFields } from "../sessions/sessionFilter.schema.js";
import { sessionIdSchema } from "../sessions/sessions.schema.js";

/**
 * Inputs of the download routes (`GET /exports/...?input=<JSON>`, the same convention as a tRPC
 * query over plain HTTP). They stream files, so they are plain HTTP routes, not procedures.
 */
const fileOptions = {
  format: z.enum(["csv", "json"]).default("csv"),
  /** Start a CSV file with a UTF-8 byte order mark, for spreadsheets that need one to read UTF-8. */
  bom: z.boolean().default(false),
};

export const sessionsExportInput = tenantInput.extend({ ...sessionFilterFields, ...fileOptions });

export const surveyAnswersExportInput = tenantInput.extend({ surveyId: idSchema("survey"), ...fileOptions });

export const recordingInput = tenantInput.extend({ siteId: idSchema("site"), sessionId: sessionIdSchema });
