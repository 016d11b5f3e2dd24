import { z } from "zod";

/**
 * When recording may start, weakest first (MS-4.1, MS-4.2):
 * - `none`: recording starts on page load; the opt-out link and cookie still apply (MS-4.1, MS-1.11).
 * - `opt-out`: as `none`, and the visitor is shown how to opt out; browser privacy signals
 *   (Global Privacy Control, Do Not Track) count as an opt-out where the policy honours them.
 * - `required`: nothing is recorded or accepted until the visitor has consented (MS-4.2).
 */
export const consentModes = ["none", "opt-out", "required"] as const;

export const consentModeSchema = z.enum(consentModes);

export type ConsentMode = z.output<typeof consentModeSchema>;

/** True when `candidate` asks at least as much of the visitor's say as `minimum`. */
export function isConsentModeAtLeast(candidate: ConsentMode, minimum: ConsentMode): boolean {
  return consentModes.indexOf(candidate) >= consentModes.indexOf(minimum);
}
