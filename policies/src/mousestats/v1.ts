import { deepFreeze } from "../deepFreeze.js";
import type { PolicyDocument } from "../schema/policyDocument.js";

const minute = 60;
const day = 24 * 60 * minute;
const year = 365 * day;

/**
 * The MouseStats privacy policy of 02 March 2018 (shared/seed/000_a0a2a982a9ea2c24.txt) as a
 * policy document. Each section cites the clauses of shared/seed/CLAUSES.md it implements. Where
 * the seed is silent, the comment beside the value says what was chosen and why.
 */
export const mouseStatsPolicyV1: PolicyDocument = deepFreeze({
  id: "mousestats",
  version: 1,
  revisedOn: "2018-03-02",
  serviceName: "MouseStats",
  changelog: [{ version: 1, revisedOn: "2018-03-02", summary: "Privacy policy as published on 02 March 2018." }],

  technicalInfo: {
    clauses: ["MS-1.1"],
    // See technicalFields.ts for why exactly these fields: browser family (not version, not the
    // User-Agent), OS and its version, one language tag, the time zone, and resolution metrics.
    fields: [
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
    ],
  },

  ipAddress: { clauses: ["MS-1.2"], ipv4KeptBits: 24, ipv6KeptBits: 48 },

  pages: {
    clauses: ["MS-1.3"],
    recordPageViews: true,
    recordReferrers: true,
    // The seed keeps "pages" and "URLs", not their query strings, which are where sites put
    // e-mail addresses, tokens and search terms; dropping them all is simpler to prove than
    // scrubbing a guessed list of parameter names.
    dropQueryParameters: true,
    // Fragments are kept for single-page-app routing (`#/pricing`) unless they hold PII.
    fragments: "scrub",
    scrubPathPii: true,
  },

  interactions: {
    clauses: ["MS-1.4"],
    recordMouseMovements: true,
    recordScrolls: true,
    recordClicks: true,
    // Silent in the seed: rrweb's own sampling defaults, enough for heatmaps and smooth replay.
    mouseMoveSampleIntervalMs: 50,
    scrollSampleIntervalMs: 100,
  },

  inputMasking: {
    clauses: ["MS-1.5", "MS-1.6"],
    maskCharacter: "*",
    maskAllInputs: true,
    nonSensitiveSelectors: {
      clauses: ["MS-1.6"],
      // Silent in the seed: enough for the search and quantity fields a site typically exposes,
      // small enough that "everything is non-sensitive" cannot be spelled out one field at a time.
      maxCount: 50,
      maxLength: 200,
    },
    neverCapture: {
      clauses: ["MS-2.4", "MS-1.7"],
      inputTypes: ["password"],
      // A password field whose "show password" toggle turned it into type=text still says what
      // it is through autocomplete; one-time codes are credentials too.
      autocompleteTokens: ["current-password", "new-password", "one-time-code"],
      // Every payment card field (cc-number, cc-csc, cc-exp, cc-name, ...).
      autocompleteTokenPrefixes: ["cc-"],
    },
  },

  textMasking: {
    clauses: ["MS-1.5", "MS-1.7"],
    // The seed masks text fields; page text is the client's own content. Tenants may go stricter.
    minimumLevel: "inputs-only",
  },

  cookies: [
    {
      clauses: ["MS-1.8", "MS-1.12"],
      name: "mousestats_si",
      role: "session",
      purpose: "Distinguishes different visit sessions. Contains an initial random string.",
      // Silent beyond "less than 24h": 30 minutes, renewed on activity, the usual analytics session.
      lifetimeSeconds: 30 * minute,
      minLifetimeSeconds: 1,
      maxLifetimeSeconds: day,
      maxIsExclusive: true,
      firstParty: true,
      content: "random-id",
    },
    {
      clauses: ["MS-1.9", "MS-1.12", "MS-2.3"],
      name: "mousestats_vi",
      role: "visitor",
      purpose: "Distinguishes different visitors. Contains an initial random string.",
      // "10 years or less": 13 months (395 days), the longest lifetime European regulators accept
      // for audience-measurement cookies, well inside the published bound.
      lifetimeSeconds: 395 * day,
      minLifetimeSeconds: 1,
      maxLifetimeSeconds: 10 * year,
      maxIsExclusive: false,
      firstParty: true,
      content: "random-id",
    },
    {
      clauses: ["MS-1.10", "MS-1.12"],
      name: "cenable",
      role: "cookie-test",
      purpose: "Tests whether cookies are enabled in the visitor's browser.",
      // "A few seconds up to 1 year": the recorder only writes it and reads it back, so 10 seconds.
      lifetimeSeconds: 10,
      minLifetimeSeconds: 1,
      maxLifetimeSeconds: year,
      maxIsExclusive: false,
      firstParty: true,
      content: "test-flag",
    },
    {
      clauses: ["MS-1.11", "MS-1.12", "MS-4.1"],
      name: "mousestats_disable",
      role: "opt-out",
      purpose: "Set when the page is opened with the opt-out query parameter; disables recording.",
      lifetimeSeconds: year,
      minLifetimeSeconds: year,
      maxLifetimeSeconds: year,
      maxIsExclusive: false,
      firstParty: true,
      content: "opt-out-flag",
    },
  ],

  visitorIdentity: { clauses: ["MS-2.3", "MS-1.12"], scope: "site", randomIdBits: 128 },

  consent: {
    clauses: ["MS-4.1", "MS-4.2"],
    // The seed offers the opt-out link as the baseline and requires consent "when required by
    // applicable law", which a tenant expresses by choosing `required`.
    minimumMode: "opt-out",
    // Silent in the seed (which predates Global Privacy Control): both signals are a visitor's
    // standing request to be excluded, which MS-4.1 lets every visitor make.
    honourGlobalPrivacyControl: true,
    honourDoNotTrack: true,
  },

  optOut: {
    clauses: ["MS-4.1", "MS-1.11"],
    cookieName: "mousestats_disable",
    // The seed names "a specific URL query" without spelling it; the cookie's own name is the
    // least surprising parameter for tenants and visitors alike.
    queryParameter: "mousestats_disable",
    queryValue: "1",
    // The seed's link is https://ssl.mousestats.com/optout.
    hostedPagePath: "/optout",
  },

  retention: {
    clauses: ["MS-3.1", "MS-1.7"],
    // Silent in the seed. Raw recordings are the most detailed data, so they go first; metadata
    // lives long enough for month-on-month comparisons; aggregates hold no per-visitor data and
    // serve year-on-year reports. Tenants may shorten any of them down to a day.
    rawRecordings: { defaultDays: 30, minDays: 1, maxDays: 365 },
    sessionMetadata: { defaultDays: 90, minDays: 1, maxDays: 395 },
    aggregates: { defaultDays: 395, minDays: 1, maxDays: 1095 },
  },

  pii: {
    clauses: ["MS-1.7", "MS-1.13"],
    detectors: ["email", "phone", "payment-card", "iban", "us-ssn", "uk-nino"],
    // The seed prohibits collecting "ANY personally identifiable information": one hit is a violation.
    violationThreshold: 1,
    breachMayLeadToPurge: true,
  },

  surveys: {
    clauses: ["MS-1.13"],
    enabled: true,
    allowedFieldTypes: ["single-choice", "multiple-choice", "rating", "free-text"],
    maxAnswerLength: 1000,
    redactPiiInAnswers: true,
  },

  notCollected: {
    clauses: ["MS-2.1", "MS-2.2"],
    onlyRegisteredSites: true,
    rejectUnknownPayloadFields: true,
  },

  purposes: {
    reports: {
      clauses: ["MS-3.1"],
      kinds: ["click-heatmap", "mouse-movement-heatmap", "scroll-map", "session-replay"],
    },
    sharedAggregates: { clauses: ["MS-3.2"], metrics: ["average-page-load-time", "pages-processed-per-day"] },
    auditing: { clauses: ["MS-3.3"], appendOnlyAuditLog: true },
    legalAndSecurity: { clauses: ["MS-3.4"], rateLimits: true },
  },

  complaints: {
    clauses: ["MS-4.3"],
    channel: "contact-form",
    contactComplainant: true,
    cooperateWithAuthorities: true,
  },

  modifications: { clauses: ["MS-5.1"], stampSessionsWithPolicyVersion: true },
});
