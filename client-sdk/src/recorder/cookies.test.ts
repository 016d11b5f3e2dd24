import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import { describe, expect, it } from "vitest";
import { cookieAssignment, readCookie, recorderCookiesOf } from "./cookies.js";

const policyCookies = mouseStatsPolicyV1.cookies.map(({ name, role, lifetimeSeconds }) => ({ name, role, lifetimeSeconds }));

describe("recorderCookiesOf", () => {
  it("MS-1.8 MS-1.9 MS-1.10 MS-1.11 takes each cookie's name and lifetime from the policy, by role", () => {
    expect(recorderCookiesOf(policyCookies)).toEqual({
      session: { name: "mousestats_si", role: "session", lifetimeSeconds: 30 * 60 },
      visitor: { name: "mousestats_vi", role: "visitor", lifetimeSeconds: 395 * 24 * 3600 },
      cookieTest: { name: "cenable", role: "cookie-test", lifetimeSeconds: 10 },
      optOut: { name: "mousestats_disable", role: "opt-out", lifetimeSeconds: 365 * 24 * 3600 },
    });
    const renamed = policyCookies.map((cookie) => (cookie.role === "session" ? { ...cookie, name: "tenant_si", lifetimeSeconds: 600 } : cookie));
    expect(recorderCookiesOf(renamed)?.session).toEqual({ name: "tenant_si", role: "session", lifetimeSeconds: 600 });
  });

  it.each([
    { problem: "a role is missing", cookies: policyCookies.filter((cookie) => cookie.role !== "opt-out") },
    { problem: "a lifetime is zero", cookies: policyCookies.map((cookie) => (cookie.role === "visitor" ? { ...cookie, lifetimeSeconds: 0 } : cookie)) },
    { problem: "a lifetime is fractional", cookies: policyCookies.map((cookie) => (cookie.role === "session" ? { ...cookie, lifetimeSeconds: 0.5 } : cookie)) },
  ])("refuses a cookie table where $problem", ({ cookies }) => {
    expect(recorderCookiesOf(cookies)).toBeNull();
  });
});

describe("cookieAssignment", () => {
  it("MS-1.12 is first party for the whole site, Lax, and Secure on https", () => {
    expect(cookieAssignment("mousestats_si", "abc", 1800, false)).toBe("mousestats_si=abc; Max-Age=1800; Path=/; SameSite=Lax");
    expect(cookieAssignment("mousestats_vi", "abc", 34_128_000, true)).toBe("mousestats_vi=abc; Max-Age=34128000; Path=/; SameSite=Lax; Secure");
    expect(cookieAssignment("mousestats_si", "", 0, true)).toBe("mousestats_si=; Max-Age=0; Path=/; SameSite=Lax; Secure");
    expect(cookieAssignment("x", "1", 10, true)).not.toMatch(/Domain=/i);
  });
});

describe("readCookie", () => {
  it.each([
    { cookies: "mousestats_si=abc; mousestats_vi=def", name: "mousestats_vi", value: "def" },
    { cookies: "mousestats_sid=nope;mousestats_si=abc", name: "mousestats_si", value: "abc" },
    { cookies: "a=b=c", name: "a", value: "b=c" },
    { cookies: "cenable=", name: "cenable", value: "" },
    { cookies: "other=1", name: "cenable", value: null },
    { cookies: "", name: "cenable", value: null },
  ])("$name in $cookies → $value", ({ cookies, name, value }) => {
    expect(readCookie(cookies, name)).toBe(value);
  });
});
