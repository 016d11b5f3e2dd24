import { collectLimits, collectPayloadSchema } from "../collectPayload.schema.js";
import type { ParsedBatch, ValidBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok, reject } from "../../pipeline/stepResult.js";
import { timestampOutsideWindow } from "../timestampOutsideWindow.js";

/**
 * MS-2.2: the payload has exactly the fields of the schema; anything else is refused. Its times
 * must lie in a window around the server's clock (receivedAt), so no session starts in the far past.
 */
export const validatePayloadStep = step<ParsedBatch, ValidBatch>("validatePayload", ({ json, ...batch }) => {
  const parsed = collectPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((issue) => {
      const field = issue.path.map(String).join(".");
      return field ? `${field}: ${issue.message}` : issue.message;
    });
    const first = parsed.error.issues[0];
    return reject({ code: "BAD_INPUT", message: issues.join("; "), ...(first?.path.length ? { field: first.path.map(String).join(".") } : {}) });
  }
  const outside = timestampOutsideWindow(parsed.data, batch.receivedAt, collectLimits);
  if (outside) return reject({ code: "BAD_INPUT", message: outside.message, field: outside.field });
  return ok({ ...batch, payload: parsed.data });
});
