import { z } from "zod";

/**
 * The kinds of personally identifiable information the detectors recognise (MS-1.7, MS-1.13).
 * A detection reports its kind and where it is, never the value. The order is the precedence
 * when two detections overlap: the most specific shapes first, phone numbers last.
 */
export const piiKinds = ["email", "iban", "payment-card", "us-ssn", "uk-nino", "phone"] as const;

export const piiKindSchema = z.enum(piiKinds);

export type PiiKind = z.output<typeof piiKindSchema>;
