import { describe, expect, it } from "vitest";
import { technicalFieldSchemas, type TechnicalFieldName } from "./technicalFields.js";

/** The messages of the issues the field's schema reports for this value; none when it is valid. */
function issuesOf(field: TechnicalFieldName, value: unknown): string[] {
  const result = technicalFieldSchemas[field].safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("technicalFieldSchemas", () => {
  it.each<[string, TechnicalFieldName, string, string]>([
    ["a browser with an e-mail address before it", "browser", "jane@example.com Chrome", "must be a product name: letters, digits, space, dot, dash"],
    ["an OS version with text before it", "osVersion", "iOS 14.4", "a dotted version number such as 14.4.1"],
    ["an OS version with text after it", "osVersion", "14.4 (Jane's laptop)", "a dotted version number such as 14.4.1"],
    ["a language that is an e-mail address", "language", "jane@example.com", "a BCP 47 language tag such as en-GB"],
    ["a time zone with text after it", "timeZone", "Europe/London; DROP TABLE", "an IANA time zone name such as Europe/Berlin"],
  ])("MS-1.1 refuses %s", (_description, field, value, message) => {
    expect(issuesOf(field, value)).toEqual([message]);
  });

  it.each<[string, TechnicalFieldName, string]>([
    ["an OS version with a two-digit part", "osVersion", "14.10"],
    ["an OS version in underscores, as macOS user agents spell it", "osVersion", "10_15_7"],
    ["a language tag without a region", "language", "en"],
    ["a language tag with a script and a region", "language", "zh-Hant-TW"],
    ["a time zone without an area", "timeZone", "UTC"],
    ["a time zone with a location inside a region", "timeZone", "America/Argentina/Buenos_Aires"],
  ])("MS-1.1 accepts %s", (_description, field, value) => {
    expect(issuesOf(field, value)).toEqual([]);
  });
});
