import type { EffectivePolicy } from "../effectivePolicy.js";
import type { PiiDetection } from "../pii/detectPii.js";
import { redactPii } from "../pii/redactPii.js";

export interface RedactedSurveyAnswer {
  /** The answer cut to the policy's length limit, with every PII detection replaced by a marker. */
  readonly text: string;
  /** Where PII was found in the (cut) answer: kinds and offsets, never values. */
  readonly detections: readonly PiiDetection[];
  readonly truncated: boolean;
}

/**
 * MS-1.13: a survey answer as it may be stored. It is cut to the policy's maximum length (in
 * characters, so an emoji is never split) before the detectors run, so a value straddling the cut
 * is judged on what is kept; every detection is redacted and reported for the violation record.
 */
export function redactSurveyAnswer(answer: string, policy: Pick<EffectivePolicy, "surveys" | "pii">): RedactedSurveyAnswer {
  const characters = Array.from(answer);
  const truncated = characters.length > policy.surveys.maxAnswerLength;
  const kept = truncated ? characters.slice(0, policy.surveys.maxAnswerLength).join("") : answer;
  const { text, detections } = redactPii(kept, policy.pii.detectors);
  return { text, detections, truncated };
}
