import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readCookie, recorderCookiesOf, type CookieJar, type RecorderCookies } from "./cookies.js";
import { isRandomId, randomId } from "./randomId.js";
import { cookiesWork, forgetVisitorIdentity, renewSession, resolveVisitorIdentity } from "./visitorIdentity.js";

const cookies = recorderCookiesOf(mouseStatsPolicyV1.cookies) as RecorderCookies;

/** A cookie jar that records what was written, and can refuse everything like a browser with cookies off. */
function fakeJar(initial: Record<string, string> = {}, { accepts = true } = {}) {
  const values = new Map(Object.entries(initial));
  const writes: { name: string; value: string; lifetimeSeconds: number }[] = [];
  const jar: CookieJar = {
    read: (name) => values.get(name) ?? null,
    write: (spec, value) => {
      writes.push({ name: spec.name, value, lifetimeSeconds: spec.lifetimeSeconds });
      if (!accepts) return;
      if (spec.lifetimeSeconds > 0) values.set(spec.name, value);
      else values.delete(spec.name);
    },
  };
  return { jar, values, writes };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("randomId", () => {
  it("MS-2.3 encodes 16 bytes from crypto.getRandomValues as 32 hexadecimal characters", () => {
    const fill = vi.spyOn(crypto, "getRandomValues").mockImplementation((bytes) => {
      (bytes as Uint8Array).set([251, 255, 191, ...new Array(13).fill(0)]);
      return bytes;
    });
    expect(randomId()).toBe(`fbffbf${"00".repeat(13)}`);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it("MS-2.3 gives a different 128-bit id every time, in the form the collect endpoint accepts", () => {
    const ids = Array.from({ length: 1_000 }, () => randomId());
    expect(new Set(ids).size).toBe(1_000);
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id) && isRandomId(id))).toBe(true);
  });
});

describe("cookiesWork", () => {
  it("MS-1.10 writes the cookie test with its policy lifetime and reads it back", () => {
    const working = fakeJar();
    expect(cookiesWork(working.jar, cookies)).toBe(true);
    expect(working.writes).toEqual([{ name: "cenable", value: "1", lifetimeSeconds: 10 }]);
    expect(cookiesWork(fakeJar({}, { accepts: false }).jar, cookies)).toBe(false);
  });
});

describe("resolveVisitorIdentity", () => {
  it("MS-1.8 MS-1.9 reuses valid ids from the cookies and writes them again with their lifetimes", () => {
    const sessionId = randomId();
    const visitorId = randomId();
    const { jar, writes } = fakeJar({ mousestats_si: sessionId, mousestats_vi: visitorId });
    expect(resolveVisitorIdentity(jar, cookies)).toEqual({ sessionId, visitorId });
    expect(writes).toEqual([
      { name: "mousestats_vi", value: visitorId, lifetimeSeconds: 395 * 24 * 3600 },
      { name: "mousestats_si", value: sessionId, lifetimeSeconds: 1800 },
    ]);
  });

  it("MS-2.3 MS-1.12 replaces a missing or tampered cookie with a fresh random id, never one derived from it", () => {
    const { jar, values } = fakeJar({ mousestats_si: "me@example.com", mousestats_vi: "short" });
    const identity = resolveVisitorIdentity(jar, cookies);
    expect(isRandomId(identity.sessionId) && isRandomId(identity.visitorId)).toBe(true);
    expect(identity.sessionId).not.toBe(identity.visitorId);
    expect(Object.fromEntries(values)).toEqual({ mousestats_si: identity.sessionId, mousestats_vi: identity.visitorId });
  });

  it("MS-1.10 without working cookies makes in-memory ids and writes nothing", () => {
    const first = resolveVisitorIdentity(null, cookies);
    const second = resolveVisitorIdentity(null, cookies);
    expect(isRandomId(first.sessionId) && isRandomId(first.visitorId)).toBe(true);
    expect(second.visitorId).not.toBe(first.visitorId);
  });
});

describe("renewSession and forgetVisitorIdentity", () => {
  it("MS-1.8 renews the session cookie on activity; opting out removes both ids", () => {
    const identity = { sessionId: randomId(), visitorId: randomId() };
    const { jar, values, writes } = fakeJar({ mousestats_vi: identity.visitorId, cenable: "1" });
    renewSession(jar, cookies, identity);
    expect(writes).toEqual([{ name: "mousestats_si", value: identity.sessionId, lifetimeSeconds: 1800 }]);
    forgetVisitorIdentity(jar, cookies);
    expect(readCookie([...values].map(([name, value]) => `${name}=${value}`).join("; "), "mousestats_vi")).toBeNull();
    expect(Object.fromEntries(values)).toEqual({ cenable: "1" });
  });
});
