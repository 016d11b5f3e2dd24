import { detectPii, type PiiDetection } from "./detectPii.js";
import { piiKinds, type PiiKind } from "./piiKind.js";
import { redactionMarker } from "./redactionMarker.js";

export interface PiiRedaction {
  /** The text with every detection replaced by `[redacted:<kind>]`. */
  readonly text: string;
  /** What was replaced, with offsets into the original text. */
  readonly detections: readonly PiiDetection[];
}

/**
 * Replaces every piece of PII `detectPii` finds with a marker naming its kind, so survey answers
 * and unmasked text can be kept without the PII in them (MS-1.7, MS-1.13).
 */
export function redactPii(text: string, kinds: readonly PiiKind[] = piiKinds): PiiRedaction {
  const detections = detectPii(text, kinds);
  // Stryker disable next-line ConditionalExpression: a shortcut only; with no detection the text is copied whole below.
  if (detections.length === 0) return { text, detections };
  let redacted = "";
  let copiedUpTo = 0;
  for (const detection of detections) {
    redacted += text.slice(copiedUpTo, detection.offset) + redactionMarker(detection.kind);
    copiedUpTo = detection.offset + detection.length;
  }
  return { text: redacted + text.slice(copiedUpTo), detections };
}
