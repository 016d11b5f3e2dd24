import { z } from "zod";

/**
 * The kinds of personally identifiable information the detectors recognise (MS-1.7, MS-1.13).
 * A detection reports its kind and where it is, never the value.
 */
export const piiKinds = ["email", "phone", "payment-card", "iban", "us-ssn", "uk-nino"] as const;

export const piiKindSchema = z.enum(piiKinds);

export type PiiKind = z.output<typeof piiKindSchema>;
