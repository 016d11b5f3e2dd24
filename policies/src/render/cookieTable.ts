import type { ClauseId } from "../clauses.js";
import type { EffectivePolicy } from "../effectivePolicy.js";
import { cookieLifetimeInWords } from "./lifetimeInWords.js";

export interface CookieTableRow {
  readonly name: string;
  readonly purpose: string;
  /** What the recorder sets and the bound the policy promises, in words. */
  readonly lifetime: string;
  readonly firstParty: boolean;
  readonly clauses: readonly ClauseId[];
}

/** MS-1.8 to MS-1.12, MS-5.1: the cookie table of the policy page, from the cookies the recorder sets. */
export function cookieTable(policy: Pick<EffectivePolicy, "cookies">): CookieTableRow[] {
  return policy.cookies.map((cookie) => ({
    name: cookie.name,
    purpose: cookie.purpose,
    lifetime: cookieLifetimeInWords(cookie),
    firstParty: cookie.firstParty,
    clauses: cookie.clauses,
  }));
}
