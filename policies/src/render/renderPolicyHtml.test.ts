import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { clauseIds } from "../clauses.js";
import type { TenantPrivacySettingsInput } from "../tenantSettings.js";
import { renderPolicyHtml } from "./renderPolicyHtml.js";

const site = { siteName: "Example Shop", optOutUrl: "https://shop.example/optout", contactUrl: "https://mousetrail.example/contact" };

function page(settings: TenantPrivacySettingsInput = {}, siteOverrides: Partial<typeof site> = {}): string {
  return renderPolicyHtml(effectivePolicyFor(settings), { ...site, ...siteOverrides });
}

describe("renderPolicyHtml", () => {
  const html = page();

  it("MS-5.1 is a complete standalone HTML document that loads and runs nothing", () => {
    expect(html.startsWith("<!doctype html>\n<html lang=\"en\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("<title>Privacy policy for information collected by the MouseStats web analytics service on Example Shop</title>");
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|src=/i);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("MS-5.1 names the policy version it was generated from and shows the revision date", () => {
    expect(html).toContain('<meta name="policy-version" content="mousestats@1">');
    expect(html).toContain("<footer><p>Last Revision: 02 March 2018.</p></footer>");
  });

  it("MS-5.1 cites every clause of the policy somewhere on the page", () => {
    const cited = new Set([...html.matchAll(/data-clauses="([^"]*)"/g)].flatMap((match) => match[1]!.split(" ")));
    expect([...cited].sort()).toEqual([...clauseIds].sort());
  });

  it("MS-1.12 renders the cookie table", () => {
    expect(html).toContain("<caption>Cookies set by the software</caption>");
    expect(html).toMatch(/<tr data-clauses="MS-1\.8 MS-1\.12"><td><code>mousestats_si<\/code><\/td><td>Distinguishes different visit sessions\. Contains an initial random string\.<\/td><td>30 minutes \(always less than 1 day\)<\/td><td>Yes<\/td><\/tr>/);
  });

  it("MS-4.1 and MS-4.3 link the opt-out page and the contact form", () => {
    expect(html).toContain('<a href="https://shop.example/optout">https://shop.example/optout</a>');
    expect(html).toContain('<a href="https://mousetrail.example/contact">contact form</a>');
    const withoutContactUrl = renderPolicyHtml(effectivePolicyFor(), { siteName: "Example Shop", optOutUrl: "https://shop.example/optout" });
    expect(withoutContactUrl).toContain("through our contact form,");
  });

  it("MS-1.5 and MS-1.6 follow the tenant's masking settings", () => {
    expect(html).toContain("All other text shown on the pages of Example Shop is masked in the same way.");
    const relaxed = page({ textMasking: "inputs-only", nonSensitiveSelectors: ["#q"], blockedSelectors: [".ad"] });
    expect(relaxed).toContain("has marked 1 field as non-sensitive (<code>#q</code>)");
    expect(relaxed).toContain("1 part of the page is not recorded at all.");
  });

  it("MS-5.1 escapes every piece of tenant-provided text", () => {
    const hostile = page(
      { textMasking: "inputs-only", nonSensitiveSelectors: ['[data-x="<img src=x onerror=alert(1)>"]'] },
      { siteName: `<script>alert("x")</script> & 'Co'`, optOutUrl: `https://shop.example/optout?a="><script>` },
    );
    expect(hostile).not.toContain("<script>");
    expect(hostile).not.toContain("<img");
    expect(hostile).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
    expect(hostile).toContain('href="https://shop.example/optout?a=%22%3E%3Cscript%3E"');
  });

  it.each(["javascript:alert(1)", "/optout", "data:text/html,hi"])("MS-4.1 refuses an opt-out URL that is not a web address: %s", (optOutUrl) => {
    expect(() => page({}, { optOutUrl })).toThrow(/optOutUrl must be an absolute http or https URL/);
  });

  it("MS-5.1 lists the changelog once there is more than one version", () => {
    const policy = effectivePolicyFor();
    const revised = {
      ...policy,
      policyVersion: 2,
      revisedOn: "2026-01-15",
      changelog: [...policy.changelog, { version: 2, revisedOn: "2026-01-15", summary: "Retention bounds tightened." }],
    };
    const revisedHtml = renderPolicyHtml(revised, site);
    expect(revisedHtml).toContain("Version 2, 15 January 2026: Retention bounds tightened.");
    expect(revisedHtml).toContain("Last Revision: 15 January 2026.");
    expect(html).not.toContain("Version 1, 02 March 2018");
  });
});
