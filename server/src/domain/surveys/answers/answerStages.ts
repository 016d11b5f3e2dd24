import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { StoredSurveyAnswer } from "../../../db/analyticsCollections.js";
import type { SiteDoc, SurveyDoc } from "../../../db/collections.js";
import type { FoundViolation } from "../../../db/analyticsCollections.js";
import type { SurveyAnswersPayload } from "../surveyWire.schema.js";

/**
 * The shapes a survey submission takes on its way through the answer pipeline, one per step
 * that adds to it (as for recorder batches in ingest/batchStages.ts).
 */
export interface IncomingAnswers {
  body: Buffer;
  origin: string | undefined;
  /** MS-4.2: the `Sec-GPC: 1` and `DNT: 1` request headers. */
  browserSignals?: { globalPrivacyControl: boolean; doNotTrack: boolean };
  receivedAt: Date;
}

export type ParsedAnswers = Omit<IncomingAnswers, "body"> & { json: unknown };

export type ValidAnswers = Omit<ParsedAnswers, "json"> & { payload: SurveyAnswersPayload };

/** `visitorKey`: the visitor id keyed to the site (MS-2.3); the raw id is never stored. */
export type SiteAnswers = ValidAnswers & { site: SiteDoc; policy: EffectivePolicy; visitorKey: string | null };

/** Past the opt-out check, with the time it started: it bounds how late the answers may still be stored (domain/compliance/batchInFlight.ts). */
export type ClearedAnswers = SiteAnswers & { optOutCheckedAt: Date };

export type SurveyAnswers = ClearedAnswers & { survey: SurveyDoc };

/** Answers checked against the survey's questions, in question order, before redaction. */
export type CheckedAnswers = SurveyAnswers & { answers: StoredSurveyAnswer[] };

export type RedactedAnswers = CheckedAnswers & { violations: FoundViolation[] };

export type StoredAnswers = RedactedAnswers & { duplicate: boolean };
