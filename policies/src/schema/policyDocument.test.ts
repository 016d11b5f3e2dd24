import { describe, expect, it } from "vitest";
import { mouseStatsPolicyV1 } from "../mousestats/v1.js";
import { policyDocumentSchema } from "./policyDocument.js";

type Mutable = Record<string, any>;

/** The MouseStats policy with one change applied to a mutable copy. */
function changed(change: (document: Mutable) => void): unknown {
  const document = structuredClone(mouseStatsPolicyV1) as Mutable;
  change(document);
  return document;
}

function issuesOf(document: unknown): string[] {
  const result = policyDocumentSchema.safeParse(document);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

/** Replaces the changelog with entries of these versions and dates; the document takes the last. */
function withChangelog(document: Mutable, entries: [number, string][]): void {
  document.changelog = entries.map(([version, revisedOn]) => ({ version, revisedOn, summary: `Version ${version}.` }));
  [document.version, document.revisedOn] = entries.at(-1)!;
}

describe("policyDocumentSchema", () => {
  it.each<[string, (document: Mutable) => void, RegExp]>([
    ["MS-1.1 a technical field outside the catalogue", (d) => d.technicalInfo.fields.push("userAgent"), /^technicalInfo\.fields\.10/],
    ["MS-1.2 keeping the whole IPv4 address", (d) => (d.ipAddress.ipv4KeptBits = 32), /^ipAddress\.ipv4KeptBits/],
    ["MS-1.2 keeping an IPv6 /64", (d) => (d.ipAddress.ipv6KeptBits = 64), /^ipAddress\.ipv6KeptBits/],
    ["MS-1.3 keeping query parameters", (d) => (d.pages.dropQueryParameters = false), /^pages\.dropQueryParameters/],
    ["MS-1.5 not masking every input", (d) => (d.inputMasking.maskAllInputs = false), /^inputMasking\.maskAllInputs/],
    ["MS-1.5 a text masking minimum of none", (d) => (d.textMasking.minimumLevel = "none"), /^textMasking\.minimumLevel: MS-1\.5/],
    ["MS-1.5 a letter as the mask character", (d) => (d.inputMasking.maskCharacter = "x"), /^inputMasking\.maskCharacter: not a letter, digit or space, so masked text is recognisable$/],
    ["MS-1.5 two mask characters", (d) => (d.inputMasking.maskCharacter = "**"), /^inputMasking\.maskCharacter: exactly one character$/],
    ["MS-1.6 more than 200 non-sensitive selectors", (d) => (d.inputMasking.nonSensitiveSelectors.maxCount = 201), /^inputMasking\.nonSensitiveSelectors\.maxCount/],
    ["MS-1.8 a session cookie living a full day", (d) => (d.cookies[0].lifetimeSeconds = 86_400), /^cookies\.0\.lifetimeSeconds: the lifetime must lie within the cookie's published bounds$/],
    ["MS-1.9 a visitor cookie shorter than its published minimum", (d) => (d.cookies[1].minLifetimeSeconds = d.cookies[1].lifetimeSeconds + 1), /^cookies\.1\.lifetimeSeconds: the lifetime must lie within/],
    ["MS-1.9 a visitor cookie beyond its bound", (d) => (d.cookies[1].lifetimeSeconds = d.cookies[1].maxLifetimeSeconds + 1), /^cookies\.1\.lifetimeSeconds/],
    ["MS-1.12 a third-party cookie", (d) => (d.cookies[0].firstParty = false), /^cookies\.0\.firstParty/],
    ["MS-1.12 a cookie holding an e-mail address", (d) => (d.cookies[0].content = "email"), /^cookies\.0\.content/],
    ["MS-1.8 a cookie name with text before it", (d) => (d.cookies[0].name = "__Host mousestats_si"), /^cookies\.0\.name: must be a cookie name: letters, digits, underscore, dash$/],
    ["MS-1.8 a cookie name with attributes after it", (d) => (d.cookies[0].name = "mousestats_si; Domain=.example.com"), /^cookies\.0\.name: must be a cookie name: letters, digits, underscore, dash$/],
    ["MS-1.12 two cookies with one name", (d) => (d.cookies[1].name = d.cookies[0].name), /^cookies\.1\.name: duplicate/],
    ["MS-1.12 two cookies with one role", (d) => (d.cookies[1].role = d.cookies[0].role), /^cookies\.1\.role: duplicate cookie role/],
    ["MS-1.11 an opt-out cookie the policy does not list", (d) => (d.optOut.cookieName = "other"), /^optOut\.cookieName: the opt-out cookie must be one of the policy's cookies, with role opt-out$/],
    ["MS-1.11 an opt-out query parameter with text before it", (d) => (d.optOut.queryParameter = "?mousestats_disable"), /^optOut\.queryParameter/],
    ["MS-1.11 an opt-out query parameter with a value after it", (d) => (d.optOut.queryParameter = "mousestats_disable=1"), /^optOut\.queryParameter/],
    ["MS-1.11 an opt-out query value with text before it", (d) => (d.optOut.queryValue = "=1"), /^optOut\.queryValue/],
    ["MS-1.11 an opt-out query value with another parameter after it", (d) => (d.optOut.queryValue = "1&utm_source=mail"), /^optOut\.queryValue/],
    ["MS-4.1 a hosted opt-out page given as a full URL", (d) => (d.optOut.hostedPagePath = "https://ssl.mousestats.com/optout"), /^optOut\.hostedPagePath/],
    ["MS-4.1 a hosted opt-out page path with a query string", (d) => (d.optOut.hostedPagePath = "/optout?site=1"), /^optOut\.hostedPagePath/],
    ["MS-1.7 a violation threshold of zero hits", (d) => (d.pii.violationThreshold = 0), /^pii\.violationThreshold/],
    ["MS-1.13 survey answers kept with PII", (d) => (d.surveys.redactPiiInAnswers = false), /^surveys\.redactPiiInAnswers/],
    ["MS-2.3 visitor ids shared across sites", (d) => (d.visitorIdentity.scope = "global"), /^visitorIdentity\.scope/],
    ["MS-2.1 accepting sites that are not registered", (d) => (d.notCollected.onlyRegisteredSites = false), /^notCollected\.onlyRegisteredSites/],
    ["MS-2.2 accepting unknown payload fields", (d) => (d.notCollected.rejectUnknownPayloadFields = false), /^notCollected\.rejectUnknownPayloadFields/],
    ["MS-2.4 password inputs not in never-capture", (d) => (d.inputMasking.neverCapture.inputTypes = ["search"]), /^inputMasking\.neverCapture\.inputTypes: MS-2\.4/],
    ["MS-2.4 a never-captured input type with a capital letter", (d) => d.inputMasking.neverCapture.inputTypes.push("Hidden"), /^inputMasking\.neverCapture\.inputTypes\.1/],
    ["MS-2.4 a never-captured input type with text after it", (d) => d.inputMasking.neverCapture.inputTypes.push("hidden "), /^inputMasking\.neverCapture\.inputTypes\.1/],
    ["MS-2.4 a never-captured autocomplete token with a capital letter", (d) => d.inputMasking.neverCapture.autocompleteTokens.push("Cc-number"), /^inputMasking\.neverCapture\.autocompleteTokens\.3/],
    ["MS-2.4 a never-captured autocomplete token with text after it", (d) => d.inputMasking.neverCapture.autocompleteTokens.push("cc-number *"), /^inputMasking\.neverCapture\.autocompleteTokens\.3/],
    ["MS-2.4 a never-captured autocomplete prefix with a capital letter", (d) => d.inputMasking.neverCapture.autocompleteTokenPrefixes.push("CC-"), /^inputMasking\.neverCapture\.autocompleteTokenPrefixes\.1/],
    ["MS-2.4 a never-captured autocomplete prefix with a wildcard after it", (d) => d.inputMasking.neverCapture.autocompleteTokenPrefixes.push("cc-*"), /^inputMasking\.neverCapture\.autocompleteTokenPrefixes\.1/],
    ["MS-3.1 a retention default outside its bounds", (d) => (d.retention.rawRecordings.defaultDays = 400), /^retention\.rawRecordings: retention bounds must satisfy minDays <= defaultDays <= maxDays$/],
    ["MS-3.1 a retention default under its minimum", (d) => (d.retention.aggregates.defaultDays = 0), /^retention\.aggregates: retention bounds must satisfy/],
    ["MS-3.3 an audit log that is not append-only", (d) => (d.purposes.auditing.appendOnlyAuditLog = false), /^purposes\.auditing\.appendOnlyAuditLog/],
    ["MS-3.4 no rate limits", (d) => (d.purposes.legalAndSecurity.rateLimits = false), /^purposes\.legalAndSecurity\.rateLimits/],
    ["MS-4.3 complaints without contacting the complainant", (d) => (d.complaints.contactComplainant = false), /^complaints\.contactComplainant/],
    ["MS-5.1 sessions not stamped with the policy version", (d) => (d.modifications.stampSessionsWithPolicyVersion = false), /^modifications\.stampSessionsWithPolicyVersion/],
    ["MS-5.1 a policy id with a dash before the slug", (d) => (d.id = "-mousestats"), /^id: must be a lowercase slug$/],
    ["MS-5.1 a policy id with text after the slug", (d) => (d.id = "mousestats v1"), /^id: must be a lowercase slug$/],
    ["MS-5.1 a changelog that does not end with this version", (d) => (d.version = 2), /^changelog: the last changelog entry must describe this version and revision date \(MS-5\.1\)$/],
    ["MS-5.1 a changelog that does not end with this revision date", (d) => (d.revisedOn = "2018-03-03"), /^changelog: the last changelog entry must describe/],
    ["MS-5.1 an empty changelog", (d) => (d.changelog = []), /^changelog/],
    ["MS-5.1 a changelog whose versions do not increase", (d) => withChangelog(d, [[1, "2018-03-02"], [3, "2019-01-01"], [3, "2020-01-01"]]), /^changelog\.2: changelog entries must be in increasing/],
    ["MS-5.1 a changelog whose dates go back", (d) => withChangelog(d, [[1, "2018-03-02"], [2, "2017-01-01"], [3, "2020-01-01"]]), /^changelog\.1: changelog entries must be in increasing/],
    ["MS-5.1 a revision date that is not a date", (d) => (d.revisedOn = "02 March 2018"), /^revisedOn/],
    ["MS-5.1 a section without clause IDs", (d) => (d.pages.clauses = []), /^pages\.clauses/],
    ["MS-5.1 an unknown clause ID", (d) => (d.pages.clauses = ["MS-9.9"]), /^pages\.clauses\.0/],
  ])("%s is not a valid policy", (_description, change, expectedIssue) => {
    const issues = issuesOf(changed(change));
    expect(issues.some((issue) => expectedIssue.test(issue)), issues.join("\n")).toBe(true);
  });

  it.each<[string, (document: Mutable) => void]>([
    ["MS-1.3 a policy that drops every URL fragment", (d) => (d.pages.fragments = "drop")],
    ["MS-1.7 a violation threshold above one hit", (d) => (d.pii.violationThreshold = 3)],
    ["MS-1.11 an opt-out query value longer than one character", (d) => (d.optOut.queryValue = "opt-out_2")],
    ["MS-1.11 an opt-out query parameter and hosted page path with every allowed character", (d) => {
      d.optOut.queryParameter = "Opt_out-2";
      d.optOut.hostedPagePath = "/privacy/Opt_out-2/";
    }],
    ["MS-2.4 more than one never-captured input type", (d) => d.inputMasking.neverCapture.inputTypes.push("hidden")],
    ["MS-5.1 a policy id with digits and dashes", (d) => (d.id = "0-mousestats-2")],
  ])("%s is a valid policy", (_description, change) => {
    expect(issuesOf(changed(change))).toEqual([]);
  });

  it("MS-5.1 accepts a later version whose changelog ends with it", () => {
    const next = changed((d) => {
      d.version = 2;
      d.revisedOn = "2026-01-15";
      d.changelog.push({ version: 2, revisedOn: "2026-01-15", summary: "Retention bounds tightened." });
    });
    expect(issuesOf(next)).toEqual([]);
  });

  it("MS-3.1 accepts retention defaults at their bounds", () => {
    const atBounds = changed((d) => {
      d.retention.rawRecordings = { defaultDays: 1, minDays: 1, maxDays: 365 };
      d.retention.aggregates = { defaultDays: 1095, minDays: 1, maxDays: 1095 };
    });
    expect(issuesOf(atBounds)).toEqual([]);
  });

  it("MS-5.1 reports the policy's own rules as custom issues, each with its path and message", () => {
    const result = policyDocumentSchema.safeParse(changed((d) => (d.version = 2)));
    expect(result.success ? [] : result.error.issues).toEqual([
      expect.objectContaining({ code: "custom", path: ["changelog"], message: "the last changelog entry must describe this version and revision date (MS-5.1)" }),
    ]);
  });

  it("MS-5.1 accepts two revisions published on the same day", () => {
    expect(issuesOf(changed((d) => withChangelog(d, [[1, "2018-03-02"], [2, "2018-03-02"]])))).toEqual([]);
  });
});
