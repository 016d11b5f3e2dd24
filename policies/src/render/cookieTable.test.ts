import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { cookieTable } from "./cookieTable.js";

describe("cookieTable", () => {
  const rows = cookieTable(effectivePolicyFor());

  it("MS-1.12 lists exactly the seed's four cookies, all first-party", () => {
    expect(rows.map((row) => [row.name, row.firstParty])).toEqual([
      ["mousestats_si", true],
      ["mousestats_vi", true],
      ["cenable", true],
      ["mousestats_disable", true],
    ]);
  });

  it.each([
    ["MS-1.8", "mousestats_si", "30 minutes (always less than 1 day)"],
    ["MS-1.9", "mousestats_vi", "395 days (never more than 10 years)"],
    ["MS-1.10", "cenable", "10 seconds (never more than 1 year)"],
    ["MS-1.11", "mousestats_disable", "1 year"],
  ])("%s states the lifetime of %s from the cookie the recorder sets", (clause, name, lifetime) => {
    const row = rows.find((candidate) => candidate.name === name);
    expect(row?.lifetime).toBe(lifetime);
    expect(row?.clauses).toContain(clause);
  });

  it("MS-5.1 follows a change to a cookie's lifetime", () => {
    const policy = effectivePolicyFor();
    const shorter = { cookies: policy.cookies.map((cookie) => (cookie.name === "mousestats_vi" ? { ...cookie, lifetimeSeconds: 30 * 86_400 } : cookie)) };
    expect(cookieTable(shorter).find((row) => row.name === "mousestats_vi")?.lifetime).toBe("30 days (never more than 10 years)");
  });
});
