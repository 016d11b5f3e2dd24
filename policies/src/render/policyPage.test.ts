import { describe, expect, it } from "vitest";
import { resolveEffectivePolicy, type EffectivePolicy } from "../effectivePolicy.js";
import { mouseStatsPolicyV1 } from "../mousestats/v1.js";
import type { PolicyDocument } from "../schema/policyDocument.js";
import { tenantPrivacySettingsSchema, type TenantPrivacySettingsInput } from "../tenantSettings.js";
import { buildPolicyPage, type PolicyPageSite } from "./policyPage.js";
import { renderPolicyHtml } from "./renderPolicyHtml.js";
import { renderPolicyMarkdown } from "./renderPolicyMarkdown.js";

/**
 * The public policy page is the product's promise to visitors (MS-5.1): each sentence is generated
 * from the enforced policy, so a change to the generator changes what visitors are told. These
 * tests pin the whole page as Markdown for three policies that between them take every branch of
 * the generator: the seed as published, a later policy version with a tenant that relaxed what it
 * may, and a policy that records the least; and the seed's page as HTML. The expected pages are reviewed files
 * next to this test (policyPage.golden/); after a deliberate change to the text, re-create them
 * with `npx vitest run policies/src/render/policyPage.test.ts -u` and review the diff.
 */
const seed = mouseStatsPolicyV1;
const site: PolicyPageSite = { siteName: "Example Shop", optOutUrl: "https://shop.example/optout" };

const relaxedDocument: PolicyDocument = {
  ...seed,
  version: 2,
  revisedOn: "2026-11-30",
  changelog: [...seed.changelog, { version: 2, revisedOn: "2026-11-30", summary: "Referrers and mouse movements are no longer recorded." }],
  pages: { ...seed.pages, recordReferrers: false, fragments: "drop" },
  interactions: { ...seed.interactions, recordMouseMovements: false },
  consent: { ...seed.consent, honourDoNotTrack: false },
  pii: { ...seed.pii, violationThreshold: 2, breachMayLeadToPurge: false },
  surveys: { ...seed.surveys, enabled: false },
  purposes: {
    ...seed.purposes,
    reports: { ...seed.purposes.reports, kinds: ["click-heatmap", "scroll-map", "session-replay"] },
    sharedAggregates: { ...seed.purposes.sharedAggregates, metrics: [] },
  },
};

const minimalDocument: PolicyDocument = {
  ...seed,
  technicalInfo: { ...seed.technicalInfo, fields: ["browser"] },
  pages: { ...seed.pages, recordPageViews: false, recordReferrers: false },
  interactions: { ...seed.interactions, recordMouseMovements: false, recordScrolls: false, recordClicks: false },
  inputMasking: { ...seed.inputMasking, neverCapture: { ...seed.inputMasking.neverCapture, autocompleteTokenPrefixes: [] } },
  consent: { ...seed.consent, minimumMode: "none", honourGlobalPrivacyControl: false, honourDoNotTrack: false },
  pii: { ...seed.pii, detectors: ["email"], violationThreshold: 3 },
  surveys: { ...seed.surveys, allowedFieldTypes: ["rating"] },
  purposes: { ...seed.purposes, sharedAggregates: { ...seed.purposes.sharedAggregates, metrics: ["pages-processed-per-day"] } },
};

const policies: readonly { name: string; policy: EffectivePolicy; site: PolicyPageSite }[] = [
  { name: "seed-defaults", policy: resolved(seed, {}), site },
  {
    name: "relaxed-tenant",
    policy: resolved(relaxedDocument, {
      textMasking: "inputs-only",
      maskedSelectors: ["#account", ".address"],
      blockedSelectors: [".chat"],
      nonSensitiveSelectors: ["#site-search"],
      consentMode: "opt-out",
      retentionDays: { rawRecordings: 1, sessionMetadata: 31, aggregates: 730 },
    }),
    site: { ...site, contactUrl: "https://shop.example/contact?topic=privacy" },
  },
  {
    name: "minimal-recording",
    policy: resolved(minimalDocument, {
      textMasking: "inputs-only",
      maskedSelectors: [".price"],
      blockedSelectors: [".chat", "#map"],
      nonSensitiveSelectors: ["#site-search", "[name=qty]"],
      consentMode: "none",
    }),
    site: { siteName: "  Tiny Café  ", optOutUrl: "http://tiny.example/optout" },
  },
];

function resolved(document: PolicyDocument, settings: TenantPrivacySettingsInput): EffectivePolicy {
  return resolveEffectivePolicy(document, tenantPrivacySettingsSchema.parse(settings));
}

describe("the public policy page", () => {
  it.each(policies)("MS-5.1 says exactly the reviewed text for the $name policy", async ({ name, policy, site }) => {
    await expect(renderPolicyMarkdown(policy, site)).toMatchFileSnapshot(`./policyPage.golden/${name}.md`);
  });

  it("MS-5.1 cites the clause of each change-log entry for auditors", () => {
    const html = renderPolicyHtml(policies[1]!.policy, site);
    expect(html).toContain('<li data-clauses="MS-5.1">Version 1, 02 March 2018: Privacy policy as published on 02 March 2018.</li>');
    expect(html).toContain('<li data-clauses="MS-5.1">Version 2, 30 November 2026: Referrers and mouse movements are no longer recorded.</li>');
  });

  // Both renderers draw on the same model, so one HTML page pins the HTML renderer's own markup.
  it("MS-5.1 renders the seed policy as the reviewed standalone HTML page", async () => {
    await expect(renderPolicyHtml(policies[0]!.policy, site)).toMatchFileSnapshot("./policyPage.golden/seed-defaults.html");
  });

  it.each([
    [1, "first"],
    [2, "2nd"],
    [3, "3rd"],
    [4, "4th"],
    [11, "11th"],
    [12, "12th"],
    [13, "13th"],
    [21, "21st"],
    [22, "22nd"],
    [23, "23rd"],
    [101, "101st"],
    [111, "111th"],
    [112, "112th"],
    [113, "113th"],
  ])("MS-1.7 names violation threshold %i as the %s detection in a batch", (violationThreshold, words) => {
    const policy = resolved({ ...seed, pii: { ...seed.pii, violationThreshold } }, {});
    expect(renderPolicyMarkdown(policy, site)).toContain(`from the ${words} detection in a batch, recorded as a breach`);
  });

  it.each([
    ["a relative address", "/optout"],
    ["a javascript: address", "javascript:alert(1)"],
    ["a mailto: address", "mailto:privacy@shop.example"],
  ])("MS-4.1 refuses %s as the opt-out page, and as the contact form (MS-4.3)", (_description, url) => {
    const policy = resolved(seed, {});
    expect(() => buildPolicyPage(policy, { ...site, optOutUrl: url })).toThrow(new RangeError("optOutUrl must be an absolute http or https URL"));
    expect(() => buildPolicyPage(policy, { ...site, contactUrl: url })).toThrow(new RangeError("contactUrl must be an absolute http or https URL"));
  });

  it("MS-5.1 refuses a page without a site name to speak of", () => {
    expect(() => buildPolicyPage(resolved(seed, {}), { ...site, siteName: " \n " })).toThrow(new RangeError("siteName must not be empty"));
  });
});
