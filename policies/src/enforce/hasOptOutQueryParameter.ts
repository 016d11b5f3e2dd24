import type { EffectivePolicy } from "../effectivePolicy.js";

/**
 * MS-1.11: whether a page URL carries the opt-out query parameter (e.g. `?mousestats_disable=1`),
 * on which the recorder sets the opt-out cookie and records nothing. Malformed URLs give false.
 */
export function hasOptOutQueryParameter(pageUrl: string, policy: Pick<EffectivePolicy, "optOut">): boolean {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return false;
  }
  return url.searchParams.getAll(policy.optOut.queryParameter).includes(policy.optOut.queryValue);
}
