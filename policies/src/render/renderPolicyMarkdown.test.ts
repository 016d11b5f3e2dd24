import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import type { TenantPrivacySettingsInput } from "../tenantSettings.js";
import { renderPolicyMarkdown } from "./renderPolicyMarkdown.js";

const site = { siteName: "Example Shop", optOutUrl: "https://shop.example/optout" };

function page(settings: TenantPrivacySettingsInput = {}, siteOverrides: Partial<typeof site> = {}): string {
  return renderPolicyMarkdown(effectivePolicyFor(settings), { ...site, ...siteOverrides });
}

describe("renderPolicyMarkdown", () => {
  const markdown = page();

  it("MS-5.1 carries the seed policy's five sections and its revision date", () => {
    for (const heading of [
      "## 1. Information received through use of the software",
      "## 2. What information the software does NOT collect",
      "## 3. How the information is handled",
      "## 4. Opt out and contact",
      "## 5. Policy modifications",
    ]) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).toContain("*Last Revision: 02 March 2018.*");
  });

  it("MS-1.1 lists the technical information collected", () => {
    expect(markdown).toContain(
      "Technical information about a visitor's computer: browser type, operating system, operating system version, system language, time zone, screen resolution, browser window size and screen pixel density.",
    );
  });

  it("MS-1.2 says how IP addresses are obfuscated", () => {
    expect(markdown).toContain("its last part is removed before it is stored or logged");
    expect(markdown).toContain("first 24 bits");
  });

  it("MS-1.12 has the cookie table of the seed's cookies", () => {
    expect(markdown).toContain("| Cookie | Purpose | Lifetime | First-party |");
    expect(markdown).toContain("| `mousestats_si` | Distinguishes different visit sessions. Contains an initial random string. | 30 minutes (always less than 1 day) | Yes |");
    for (const name of ["mousestats_vi", "cenable", "mousestats_disable"]) expect(markdown).toContain(`| \`${name}\` |`);
  });

  it("MS-2.4 says what is not collected, passwords included", () => {
    expect(markdown).toContain("We do not assign a global unique identifier to any visitor");
    expect(markdown).toContain("We will not collect any passwords or payment card details entered into a website");
  });

  it("MS-4.1 links the opt-out page and names the opt-out query parameter", () => {
    expect(markdown).toContain("[https://shop.example/optout](<https://shop.example/optout>)");
    expect(markdown).toContain("`?mousestats_disable=1`");
  });

  it("MS-1.5 follows the text masking level", () => {
    expect(page({ textMasking: "all-text" })).toContain("All other text shown on the pages of Example Shop is masked in the same way.");
    expect(page({ textMasking: "inputs-only" })).toContain("Text that Example Shop itself shows on its pages is recorded as shown.");
  });

  it("MS-1.5 says a choice is masked to a fixed length, and how data added to a recording is masked", () => {
    expect(markdown).toContain("with a checkbox is replaced by `********` (always 8 characters, whatever was chosen)");
    expect(page({ textMasking: "inputs-only" })).toContain("Data that the code of Example Shop adds to a recording is treated as text shown on the page;");
    expect(page({ textMasking: "all-text" })).toContain("is treated as text shown on the page, and so masked;");
    expect(markdown).toContain("data from recording plug-ins (console messages, network requests) is always masked.");
  });

  it("MS-1.6 follows the number of non-sensitive fields", () => {
    expect(markdown).toContain("Example Shop has not marked any field as non-sensitive, so no keystrokes are kept.");
    expect(page({ nonSensitiveSelectors: ["#site-search"] })).toContain("Example Shop has marked 1 field as non-sensitive (`#site-search`)");
    expect(page({ nonSensitiveSelectors: ["#site-search", "[name=qty]"] })).toContain("has marked 2 fields as non-sensitive (`#site-search`, `[name=qty]`)");
  });

  it("MS-3.1 follows the retention periods", () => {
    expect(markdown).toContain("Raw recordings are deleted after 30 days, session information after 90 days, and aggregate reports after 395 days.");
    expect(page({ retentionDays: { rawRecordings: 7 } })).toContain("Raw recordings are deleted after 7 days");
  });

  it("MS-4.2 follows the consent mode", () => {
    expect(markdown).toContain("MouseStats records nothing on Example Shop until you have given your consent");
    expect(page({ consentMode: "opt-out" })).toContain("MouseStats records visits to Example Shop unless you exclude yourself");
  });

  it("MS-5.1 escapes a site name so it cannot inject links or formatting", () => {
    const hostile = page({}, { siteName: "[Free](javascript:alert(1)) *Shop* <b>" });
    expect(hostile).toContain("\\[Free\\](javascript:alert(1)) \\*Shop\\* \\<b\\>");
    expect(hostile).not.toContain("[Free](javascript");
  });
});
