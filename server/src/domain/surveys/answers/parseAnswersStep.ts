import { step } from "../../../pipeline/pipeline.js";
import { ok, reject } from "../../../pipeline/stepResult.js";
import type { IncomingAnswers, ParsedAnswers } from "./answerStages.js";

/** The body is JSON sent as text/plain (so browsers send it without a CORS preflight); its size was bounded while reading. */
export const parseAnswersStep = step<IncomingAnswers, ParsedAnswers>("parseAnswers", ({ body, ...submission }) => {
  try {
    return ok({ ...submission, json: JSON.parse(body.toString("utf8")) as unknown });
  } catch (error) {
    return reject({ code: "BAD_INPUT", message: `body: not valid JSON (${(error as Error).message})` });
  }
});
