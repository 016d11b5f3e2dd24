import { z } from "zod";

/**
 * When recording may start, weakest first (MS-4.1, MS-4.2). In every mode the opt-out link and
 * cookie apply (MS-4.1, MS-1.11), and so do Global Privacy Control and Do Not Track where the
 * policy honours them (see enforce/decideRecording.ts):
 * - `none`: recording starts on page load, without a notice;
 * - `opt-out`: recording starts on page load, and the visitor is shown how to opt out;
 * - `required`: nothing is recorded or accepted until the visitor has consented (MS-4.2).
 */
export const consentModes = ["none", "opt-out", "required"] as const;

export const consentModeSchema = z.enum(consentModes);

export type ConsentMode = z.output<typeof consentModeSchema>;

/** True when `candidate` asks at least as much of the visitor's say as `minimum`. */
export function isConsentModeAtLeast(candidate: ConsentMode, minimum: ConsentMode): boolean {
  return consentModes.indexOf(candidate) >= consentModes.indexOf(minimum);
}
