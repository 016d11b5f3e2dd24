import { describe, expect, it } from "vitest";
import { clauseIds, type ClauseId } from "../clauses.js";
import { policyDocumentSchema } from "../schema/policyDocument.js";
import { mouseStatsPolicyV1 as policy } from "./v1.js";

const hour = 3600;
const day = 24 * hour;
const year = 365 * day;

function citedClauses(value: unknown): Set<ClauseId> {
  const cited = new Set<ClauseId>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (typeof node === "object" && node !== null) {
      for (const [key, child] of Object.entries(node)) {
        if (key === "clauses") (child as ClauseId[]).forEach((id) => cited.add(id));
        else visit(child);
      }
    }
  };
  visit(value);
  return cited;
}

function cookie(name: string) {
  const found = policy.cookies.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no cookie ${name}`);
  return found;
}

describe("the MouseStats policy of 02 March 2018", () => {
  it("MS-5.1 is a valid policy document, version 1, revised on 2018-03-02, with its changelog", () => {
    expect(policyDocumentSchema.safeParse(policy).success).toBe(true);
    expect(policy).toMatchObject({ id: "mousestats", version: 1, revisedOn: "2018-03-02" });
    expect(policy.changelog.at(-1)).toMatchObject({ version: 1, revisedOn: "2018-03-02" });
  });

  it("MS-5.1 cites every clause of CLAUSES.md in at least one section", () => {
    expect([...citedClauses(policy)].sort()).toEqual([...clauseIds].sort());
  });

  it("MS-5.1 is frozen, so no code can change the enforced policy at run time", () => {
    expect(Object.isFrozen(policy)).toBe(true);
    expect(Object.isFrozen(policy.cookies[0])).toBe(true);
    expect(Object.isFrozen(policy.inputMasking.neverCapture.inputTypes)).toBe(true);
  });

  it("MS-1.1 allows exactly browser type, language, OS and version, time zone and screen metrics", () => {
    expect(policy.technicalInfo.fields).toEqual([
      "browser",
      "os",
      "osVersion",
      "language",
      "timeZone",
      "screenWidth",
      "screenHeight",
      "viewportWidth",
      "viewportHeight",
      "devicePixelRatio",
    ]);
  });

  it("MS-1.2 keeps the /24 of IPv4 and the /48 of IPv6 addresses", () => {
    expect(policy.ipAddress).toMatchObject({ ipv4KeptBits: 24, ipv6KeptBits: 48 });
  });

  it("MS-1.3 records page views and referrers without query strings", () => {
    expect(policy.pages).toMatchObject({ recordPageViews: true, recordReferrers: true, dropQueryParameters: true, scrubPathPii: true });
  });

  it("MS-1.4 records mouse movements, scrolls and clicks, sampled", () => {
    expect(policy.interactions).toMatchObject({ recordMouseMovements: true, recordScrolls: true, recordClicks: true });
    expect(policy.interactions.mouseMoveSampleIntervalMs).toBeGreaterThan(0);
  });

  it("MS-1.5 masks every input with an asterisk, and page text at least down to inputs", () => {
    expect(policy.inputMasking).toMatchObject({ maskCharacter: "*", maskAllInputs: true });
    expect(policy.textMasking.minimumLevel).toBe("inputs-only");
  });

  it("MS-1.6 lets a client mark a bounded number of fields non-sensitive", () => {
    expect(policy.inputMasking.nonSensitiveSelectors).toMatchObject({ maxCount: 50, maxLength: 200 });
  });

  it("MS-1.7 runs every PII detector and counts a single hit as a violation that may lead to a purge", () => {
    expect([...policy.pii.detectors].sort()).toEqual(["email", "iban", "payment-card", "phone", "uk-nino", "us-ssn"]);
    expect(policy.pii).toMatchObject({ violationThreshold: 1, breachMayLeadToPurge: true });
  });

  it("MS-1.8 sets mousestats_si, a random session id expiring in less than 24 hours", () => {
    const session = cookie("mousestats_si");
    expect(session).toMatchObject({ role: "session", content: "random-id", maxLifetimeSeconds: day, maxIsExclusive: true });
    expect(session.lifetimeSeconds).toBeLessThan(day);
  });

  it("MS-1.9 sets mousestats_vi, a random visitor id expiring in 10 years or less", () => {
    const visitor = cookie("mousestats_vi");
    expect(visitor).toMatchObject({ role: "visitor", content: "random-id", maxLifetimeSeconds: 10 * year });
    expect(visitor.lifetimeSeconds).toBeLessThanOrEqual(10 * year);
  });

  it("MS-1.10 sets cenable to test cookies, for a few seconds up to a year", () => {
    const test = cookie("cenable");
    expect(test).toMatchObject({ role: "cookie-test", content: "test-flag", maxLifetimeSeconds: year });
    expect(test.lifetimeSeconds).toBeLessThanOrEqual(60);
  });

  it("MS-1.11 sets mousestats_disable for exactly one year from the opt-out query parameter", () => {
    expect(cookie("mousestats_disable")).toMatchObject({ role: "opt-out", lifetimeSeconds: year, minLifetimeSeconds: year, maxLifetimeSeconds: year });
    expect(policy.optOut).toMatchObject({ cookieName: "mousestats_disable", queryParameter: "mousestats_disable", queryValue: "1" });
  });

  it("MS-1.12 uses only first-party cookies holding random ids or flags", () => {
    for (const spec of policy.cookies) {
      expect(spec.firstParty).toBe(true);
      expect(["random-id", "test-flag", "opt-out-flag"]).toContain(spec.content);
    }
  });

  it("MS-1.13 redacts PII in survey answers and offers no contact-detail field types", () => {
    expect(policy.surveys.redactPiiInAnswers).toBe(true);
    expect(policy.surveys.allowedFieldTypes).not.toContain("email");
  });

  it("MS-2.1 accepts data only from registered sites", () => {
    expect(policy.notCollected.onlyRegisteredSites).toBe(true);
  });

  it("MS-2.2 rejects payload fields it does not know, so nothing about other programs gets in", () => {
    expect(policy.notCollected.rejectUnknownPayloadFields).toBe(true);
    expect(policy.technicalInfo.fields).not.toContain("plugins");
  });

  it("MS-2.3 gives visitors 128-bit random ids scoped to one site", () => {
    expect(policy.visitorIdentity).toMatchObject({ scope: "site", randomIdBits: 128 });
  });

  it("MS-2.4 never captures password fields or payment card fields", () => {
    expect(policy.inputMasking.neverCapture.inputTypes).toContain("password");
    expect(policy.inputMasking.neverCapture.autocompleteTokenPrefixes).toContain("cc-");
    expect(policy.inputMasking.neverCapture.autocompleteTokens).toEqual(expect.arrayContaining(["current-password", "new-password"]));
  });

  it("MS-3.1 names the raw and aggregate reports: heatmaps, scroll maps and session replay", () => {
    expect(policy.purposes.reports.kinds).toEqual(["click-heatmap", "mouse-movement-heatmap", "scroll-map", "session-replay"]);
  });

  it("MS-3.2 shares only aggregate, non-personal platform figures", () => {
    expect(policy.purposes.sharedAggregates.metrics).toEqual(["average-page-load-time", "pages-processed-per-day"]);
  });

  it("MS-3.3 keeps an append-only audit log", () => {
    expect(policy.purposes.auditing.appendOnlyAuditLog).toBe(true);
  });

  it("MS-3.4 applies rate limits for security and abuse handling", () => {
    expect(policy.purposes.legalAndSecurity.rateLimits).toBe(true);
  });

  it("MS-4.1 offers an opt-out at least, and honours Global Privacy Control and Do Not Track", () => {
    expect(policy.consent).toMatchObject({ minimumMode: "opt-out", honourGlobalPrivacyControl: true, honourDoNotTrack: true });
    expect(policy.optOut.hostedPagePath).toBe("/optout");
  });

  it("MS-4.3 takes complaints through a contact form and answers them", () => {
    expect(policy.complaints).toMatchObject({ channel: "contact-form", contactComplainant: true, cooperateWithAuthorities: true });
  });

  it("MS-5.1 stamps every session with the policy version", () => {
    expect(policy.modifications.stampSessionsWithPolicyVersion).toBe(true);
  });
});
