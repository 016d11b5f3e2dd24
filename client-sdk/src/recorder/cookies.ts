import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";

/** The recorder's four cookies, found by role in the site's policy (MS-1.8 to MS-1.11). */
export interface RecorderCookies {
  readonly session: CookieSpec;
  readonly visitor: CookieSpec;
  readonly cookieTest: CookieSpec;
  readonly optOut: CookieSpec;
}

export interface CookieSpec {
  readonly name: string;
  readonly lifetimeSeconds: number;
}

/**
 * Names and lifetimes come from the policy, never from this code. A config without one of the
 * roles, or with a lifetime that is not a whole positive number of seconds, cannot be applied as
 * the policy states it, so the recorder does not run (null).
 */
export function recorderCookiesOf(cookies: readonly RecorderConfig["policy"]["cookies"][number][]): RecorderCookies | null {
  const byRole = (role: string): CookieSpec | null => {
    const spec = cookies.find((cookie) => cookie.role === role);
    return spec && Number.isInteger(spec.lifetimeSeconds) && spec.lifetimeSeconds > 0 ? spec : null;
  };
  const session = byRole("session");
  const visitor = byRole("visitor");
  const cookieTest = byRole("cookie-test");
  const optOut = byRole("opt-out");
  return session && visitor && cookieTest && optOut ? { session, visitor, cookieTest, optOut } : null;
}

/**
 * One `document.cookie` assignment. MS-1.12: first party and scoped to the tenant's own host (no
 * Domain attribute, so not even sibling subdomains see it), the whole site (`Path=/`), not sent on
 * cross-site subrequests (`SameSite=Lax`), and `Secure` whenever the page is served over https.
 * A lifetime of 0 deletes the cookie.
 */
export function cookieAssignment(name: string, value: string, lifetimeSeconds: number, secure: boolean): string {
  return `${name}=${value}; Max-Age=${lifetimeSeconds}; Path=/; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The value of a cookie in a `document.cookie` string, or null. */
export function readCookie(cookieString: string, name: string): string | null {
  for (const pair of cookieString.split(";")) {
    const separator = pair.indexOf("=");
    if (separator !== -1 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}

/** Writing with a lifetime of 0 deletes a cookie. */
export interface CookieJar {
  read(name: string): string | null;
  write(spec: CookieSpec, value: string): void;
}

export function documentCookieJar(document: Document): CookieJar {
  const secure = document.location.protocol === "https:";
  return {
    read: (name) => readCookie(document.cookie, name),
    write: (spec, value) => {
      document.cookie = cookieAssignment(spec.name, value, spec.lifetimeSeconds, secure);
    },
  };
}
