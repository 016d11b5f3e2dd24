import { describe, expect, it } from "vitest";
import { cookieLifetimeInWords, durationInWords } from "./lifetimeInWords.js";

describe("durationInWords", () => {
  it.each([
    [0, "0 seconds"],
    [1, "1 second"],
    [10, "10 seconds"],
    [90, "90 seconds"],
    [1800, "30 minutes"],
    [3600, "1 hour"],
    [86_399, "86399 seconds"],
    [86_400, "1 day"],
    [34_128_000, "395 days"],
    [31_536_000, "1 year"],
    [315_360_000, "10 years"],
  ])("MS-5.1 says %i seconds as %j", (seconds, words) => {
    expect(durationInWords(seconds)).toBe(words);
  });

  it.each([-1, 1.5, Number.NaN])("refuses %d", (seconds) => {
    expect(() => durationInWords(seconds)).toThrow(new RangeError(`not a duration in seconds: ${seconds}`));
  });
});

describe("cookieLifetimeInWords", () => {
  it("MS-1.8 states a strict upper bound as 'always less than'", () => {
    expect(cookieLifetimeInWords({ lifetimeSeconds: 1800, minLifetimeSeconds: 1, maxLifetimeSeconds: 86_400, maxIsExclusive: true })).toBe(
      "30 minutes (always less than 1 day)",
    );
  });

  it("MS-1.9 states an inclusive upper bound as 'never more than'", () => {
    expect(cookieLifetimeInWords({ lifetimeSeconds: 34_128_000, minLifetimeSeconds: 1, maxLifetimeSeconds: 315_360_000, maxIsExclusive: false })).toBe(
      "395 days (never more than 10 years)",
    );
  });

  it("MS-1.11 states a fixed lifetime alone", () => {
    expect(cookieLifetimeInWords({ lifetimeSeconds: 31_536_000, minLifetimeSeconds: 31_536_000, maxLifetimeSeconds: 31_536_000, maxIsExclusive: false })).toBe("1 year");
  });
});
