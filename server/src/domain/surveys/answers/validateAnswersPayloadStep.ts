import { step } from "../../../pipeline/pipeline.js";
import { ok, reject } from "../../../pipeline/stepResult.js";
import { surveyAnswersPayloadSchema } from "../surveyWire.schema.js";
import type { ParsedAnswers, ValidAnswers } from "./answerStages.js";

/** The submission has exactly the fields of the wire schema, each of the right type; anything else is refused by name. */
export const validateAnswersPayloadStep = step<ParsedAnswers, ValidAnswers>("validateAnswersPayload", ({ json, ...submission }) => {
  const parsed = surveyAnswersPayloadSchema.safeParse(json);
  if (!parsed.success) {
    const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join(".");
    const messages = parsed.error.issues.slice(0, 5).map((issue) => (issue.path.length ? `${fieldOf(issue.path)}: ${issue.message}` : issue.message));
    const first = parsed.error.issues[0];
    return reject({ code: "BAD_INPUT", message: messages.join("; "), ...(first?.path.length ? { field: fieldOf(first.path) } : {}) });
  }
  return ok({ ...submission, payload: parsed.data });
});
