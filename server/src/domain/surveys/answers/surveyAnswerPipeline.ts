import type { Db } from "mongodb";
import { Pipeline } from "../../../pipeline/pipeline.js";
import type { SiteDirectory } from "../../sites/siteDirectory.js";
import { answerConsentStep } from "./answerConsentStep.js";
import { answerOptOutStep } from "./answerOptOutStep.js";
import type { IncomingAnswers } from "./answerStages.js";
import { checkAnswersStep } from "./checkAnswersStep.js";
import { findActiveSurveyStep } from "./findActiveSurveyStep.js";
import { parseAnswersStep } from "./parseAnswersStep.js";
import { redactAnswersStep } from "./redactAnswersStep.js";
import { resolveAnswerSiteStep } from "./resolveAnswerSiteStep.js";
import { storeAnswersStep } from "./storeAnswersStep.js";
import { validateAnswersPayloadStep } from "./validateAnswersPayloadStep.js";

export interface SurveyAnswerPipelineDeps {
  db: Db;
  sites: SiteDirectory;
  visitorKeySecret: Buffer;
  /** The longest answers may take from their opt-out check to their insert (default maxBatchInFlightMs). */
  batchInFlightMs?: number;
}

/**
 * The ingestion of one survey submission (MS-1.13), in the order of the recorder's pipeline:
 * the same site, origin, consent and opt-out rules, then the answers are checked against the
 * survey and redacted. Everything that can refuse runs before anything is written.
 */
export function createSurveyAnswerPipeline(deps: SurveyAnswerPipelineDeps) {
  return Pipeline.start<IncomingAnswers>()
    .then(parseAnswersStep)
    .then(validateAnswersPayloadStep)
    .then(resolveAnswerSiteStep(deps.sites, deps.visitorKeySecret))
    .then(answerConsentStep)
    .then(answerOptOutStep(deps.db))
    .then(findActiveSurveyStep(deps.db))
    .then(checkAnswersStep)
    .then(redactAnswersStep)
    .then(storeAnswersStep(deps.db, undefined, deps.batchInFlightMs));
}

export type SurveyAnswerPipeline = ReturnType<typeof createSurveyAnswerPipeline>;
