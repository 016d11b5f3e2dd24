import type { EffectivePolicy } from "../effectivePolicy.js";

/**
 * MS-1.11: whether a page URL carries the opt-out query parameter with the value the policy names
 * (`?mousestats_disable=1`), on which the recorder sets the opt-out cookie and records nothing.
 * Any other value (`?mousestats_disable=0`, an empty one) is not an opt-out; malformed URLs give false.
 */
export function hasOptOutQueryParameter(pageUrl: string, policy: { readonly optOut: Pick<EffectivePolicy["optOut"], "queryParameter" | "queryValue"> }): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  return url.searchParams.getAll(policy.optOut.queryParameter).includes(policy.optOut.queryValue);
}
