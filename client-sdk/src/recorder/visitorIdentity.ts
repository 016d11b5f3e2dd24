import type { CookieJar, RecorderCookies } from "./cookies.js";
import { isRandomId, randomId } from "./randomId.js";

export interface VisitorIdentity {
  readonly sessionId: string;
  readonly visitorId: string;
}

/** MS-1.10: the cookie test writes `cenable` and reads it back. */
export function cookiesWork(jar: CookieJar, cookies: RecorderCookies): boolean {
  jar.write(cookies.cookieTest, "1");
  return jar.read(cookies.cookieTest.name) === "1";
}

/**
 * MS-1.8, MS-1.9: the session and visitor cookies are reused when they hold a valid id and created
 * with a fresh random one when not (MS-2.3), and written again so that their lifetime counts from
 * this visit. Without working cookies (`jar` null) the ids are random and die with the page.
 */
export function resolveVisitorIdentity(jar: CookieJar | null, cookies: RecorderCookies): VisitorIdentity {
  const reuseOrCreate = (current: string | null | undefined) => (isRandomId(current ?? null) ? (current as string) : randomId());
  const identity = { sessionId: reuseOrCreate(jar?.read(cookies.session.name)), visitorId: reuseOrCreate(jar?.read(cookies.visitor.name)) };
  jar?.write(cookies.visitor, identity.visitorId);
  renewSession(jar, cookies, identity);
  return identity;
}

/** MS-1.8: the session lasts while the visitor is active; each batch stored renews its lifetime. */
export function renewSession(jar: CookieJar | null, cookies: RecorderCookies, identity: VisitorIdentity): void {
  jar?.write(cookies.session, identity.sessionId);
}

/** On opt-out and on withdrawn consent the identifiers go with the recording. */
export function forgetVisitorIdentity(jar: CookieJar, cookies: RecorderCookies): void {
  for (const { name } of [cookies.session, cookies.visitor]) jar.write({ name, lifetimeSeconds: 0 }, "");
}
