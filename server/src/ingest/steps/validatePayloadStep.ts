import { collectPayloadSchema } from "../collectPayload.schema.js";
import type { ParsedBatch, ValidBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok, reject } from "../../pipeline/stepResult.js";

/** MS-2.2: the payload has exactly the fields of the schema; anything else is refused. */
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
  return ok({ ...batch, payload: parsed.data });
});
