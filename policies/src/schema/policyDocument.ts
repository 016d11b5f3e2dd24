import { z } from "zod";
import { clauseIds, type ClauseId } from "../clauses.js";
import type { DeepReadonly } from "../deepFreeze.js";
import { piiKindSchema } from "../pii/piiKind.js";
import { consentModeSchema } from "./consentMode.js";
import { technicalFieldNameSchema } from "./technicalFields.js";
import { textMaskingLevelSchema } from "./textMaskingLevel.js";

/**
 * A privacy policy as data. Every section carries `clauses`: the IDs of the clauses of
 * shared/seed/CLAUSES.md it implements, so the policy page can cite them and tests can prove every
 * clause is encoded. Settings a tenant may tighten carry their bounds here; the tenant's choices
 * live in `TenantPrivacySettings` and are merged by `resolveEffectivePolicy`.
 *
 * Statements the product cannot weaken are `z.literal(true)`: a document that says otherwise is
 * not a valid policy, so no configuration can express recording passwords or query strings.
 */
const clauseIdSchema = z.enum(clauseIds as [ClauseId, ...ClauseId[]]);
const clausesSchema = z.array(clauseIdSchema).min(1);

const secondsSchema = z.number().int().nonnegative();
const daysSchema = z.number().int().min(1).max(3650);

const cookieSpecSchema = z.object({
  clauses: clausesSchema,
  name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be a cookie name: letters, digits, underscore, dash"),
  role: z.enum(["session", "visitor", "cookie-test", "opt-out"]),
  purpose: z.string().min(1).max(300),
  /** What the recorder sets; must lie within the bounds the policy text promises. */
  lifetimeSeconds: secondsSchema.min(1),
  minLifetimeSeconds: secondsSchema.min(1),
  maxLifetimeSeconds: secondsSchema.min(1),
  /** True when the published bound is strict ("less than 24h") rather than inclusive. */
  maxIsExclusive: z.boolean(),
  // MS-1.12: only first-party cookies, and no cookie content that could be personal data.
  firstParty: z.literal(true),
  content: z.enum(["random-id", "test-flag", "opt-out-flag"]),
});

const retentionBoundsSchema = z.object({
  defaultDays: daysSchema,
  minDays: daysSchema,
  maxDays: daysSchema,
});

export const retentionKinds = ["rawRecordings", "sessionMetadata", "aggregates"] as const;

export type RetentionKind = (typeof retentionKinds)[number];

const changelogEntrySchema = z.object({
  version: z.number().int().min(1),
  revisedOn: z.iso.date(),
  summary: z.string().min(1).max(2000),
});

export const policyDocumentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a lowercase slug"),
    version: z.number().int().min(1),
    revisedOn: z.iso.date(),
    /** The service the policy speaks for, as the policy text names it. */
    serviceName: z.string().min(1).max(100),
    changelog: z.array(changelogEntrySchema).min(1),

    technicalInfo: z.object({
      clauses: clausesSchema,
      fields: z.array(technicalFieldNameSchema).min(1),
    }),

    ipAddress: z.object({
      clauses: clausesSchema,
      // MS-1.2: at most the /24 of an IPv4 address and the /48 of an IPv6 address are kept.
      ipv4KeptBits: z.number().int().min(0).max(24),
      ipv6KeptBits: z.number().int().min(0).max(48),
    }),

    pages: z.object({
      clauses: clausesSchema,
      recordPageViews: z.boolean(),
      recordReferrers: z.boolean(),
      dropQueryParameters: z.literal(true),
      /** `drop` removes every fragment; `scrub` keeps a fragment only when it holds no PII. */
      fragments: z.enum(["drop", "scrub"]),
      scrubPathPii: z.literal(true),
    }),

    interactions: z.object({
      clauses: clausesSchema,
      recordMouseMovements: z.boolean(),
      recordScrolls: z.boolean(),
      recordClicks: z.boolean(),
      /** At most one mouse position is kept per interval. */
      mouseMoveSampleIntervalMs: z.number().int().min(0).max(10_000),
      scrollSampleIntervalMs: z.number().int().min(0).max(10_000),
    }),

    inputMasking: z.object({
      clauses: clausesSchema,
      maskCharacter: z
        .string()
        .refine((value) => Array.from(value).length === 1, "exactly one character")
        .refine((value) => !/[\p{L}\p{N}\s]/u.test(value), "not a letter, digit or space, so masked text is recognisable"),
      // MS-1.5: every input is masked; only MS-1.6 non-sensitive fields are exempt.
      maskAllInputs: z.literal(true),
      nonSensitiveSelectors: z.object({
        clauses: clausesSchema,
        maxCount: z.number().int().min(0).max(200),
        maxLength: z.number().int().min(1).max(500),
      }),
      /** Fields that are dropped even when a tenant marks them non-sensitive (MS-2.4). */
      neverCapture: z.object({
        clauses: clausesSchema,
        inputTypes: z.array(z.string().regex(/^[a-z-]+$/)).min(1),
        /** `autocomplete` tokens, matched case-insensitively and whole. */
        autocompleteTokens: z.array(z.string().regex(/^[a-z0-9-]+$/)),
        /** `autocomplete` token prefixes, e.g. `cc-` for every payment card field. */
        autocompleteTokenPrefixes: z.array(z.string().regex(/^[a-z0-9-]+$/)),
      }),
    }),

    textMasking: z.object({
      clauses: clausesSchema,
      minimumLevel: textMaskingLevelSchema,
    }),

    cookies: z.array(cookieSpecSchema).min(1),

    visitorIdentity: z.object({
      clauses: clausesSchema,
      // MS-2.3: a visitor ID is random and scoped to one site; nothing links visitors across sites.
      scope: z.literal("site"),
      randomIdBits: z.number().int().min(96).max(256),
    }),

    consent: z.object({
      clauses: clausesSchema,
      minimumMode: consentModeSchema,
      honourGlobalPrivacyControl: z.boolean(),
      honourDoNotTrack: z.boolean(),
    }),

    optOut: z.object({
      clauses: clausesSchema,
      cookieName: z.string().min(1),
      queryParameter: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      queryValue: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      hostedPagePath: z.string().regex(/^\/[A-Za-z0-9/_-]*$/),
    }),

    retention: z.object({
      clauses: clausesSchema,
      rawRecordings: retentionBoundsSchema,
      sessionMetadata: retentionBoundsSchema,
      aggregates: retentionBoundsSchema,
    }),

    pii: z.object({
      clauses: clausesSchema,
      detectors: z.array(piiKindSchema).min(1),
      /** PII hits in one ingested batch at or above which a violation is recorded for the tenant. */
      violationThreshold: z.number().int().min(1),
      /** MS-1.7: a breach may lead to the complete removal of the tenant's analytics. */
      breachMayLeadToPurge: z.boolean(),
    }),

    surveys: z.object({
      clauses: clausesSchema,
      enabled: z.boolean(),
      allowedFieldTypes: z.array(z.enum(["single-choice", "multiple-choice", "rating", "free-text"])).min(1),
      maxAnswerLength: z.number().int().min(1).max(10_000),
      // MS-1.13: answers always pass the PII detectors and hits are redacted.
      redactPiiInAnswers: z.literal(true),
    }),

    notCollected: z.object({
      clauses: clausesSchema,
      // MS-2.1: only registered sites from their allowed origins are accepted.
      onlyRegisteredSites: z.literal(true),
      // MS-2.2: the recorder payload has no fields about other programs; unknown fields are rejected.
      rejectUnknownPayloadFields: z.literal(true),
    }),

    purposes: z.object({
      reports: z.object({
        clauses: clausesSchema,
        kinds: z.array(z.enum(["click-heatmap", "mouse-movement-heatmap", "scroll-map", "session-replay"])).min(1),
      }),
      sharedAggregates: z.object({
        clauses: clausesSchema,
        metrics: z.array(z.enum(["average-page-load-time", "pages-processed-per-day"])),
      }),
      auditing: z.object({ clauses: clausesSchema, appendOnlyAuditLog: z.literal(true) }),
      legalAndSecurity: z.object({ clauses: clausesSchema, rateLimits: z.literal(true) }),
    }),

    complaints: z.object({
      clauses: clausesSchema,
      channel: z.literal("contact-form"),
      contactComplainant: z.literal(true),
      cooperateWithAuthorities: z.literal(true),
    }),

    modifications: z.object({
      clauses: clausesSchema,
      // MS-5.1: every session records the policy id and version it was collected under.
      stampSessionsWithPolicyVersion: z.literal(true),
    }),
  })
  .superRefine((doc, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });

    const latest = doc.changelog.at(-1);
    if (latest?.version !== doc.version || latest.revisedOn !== doc.revisedOn) {
      issue(["changelog"], "the last changelog entry must describe this version and revision date (MS-5.1)");
    }
    doc.changelog.forEach((entry, index) => {
      const previous = doc.changelog[index - 1];
      if (previous && (entry.version <= previous.version || entry.revisedOn < previous.revisedOn)) {
        issue(["changelog", index], "changelog entries must be in increasing version and date order");
      }
    });

    if (doc.textMasking.minimumLevel === "none") {
      issue(["textMasking", "minimumLevel"], "MS-1.5 requires every input to be masked, so the minimum cannot be 'none'");
    }
    if (!doc.inputMasking.neverCapture.inputTypes.includes("password")) {
      issue(["inputMasking", "neverCapture", "inputTypes"], "MS-2.4 requires password inputs never to be captured");
    }

    const cookieNames = new Set<string>();
    const cookieRoles = new Set<string>();
    doc.cookies.forEach((cookie, index) => {
      if (cookieNames.has(cookie.name)) issue(["cookies", index, "name"], `duplicate cookie name ${cookie.name}`);
      if (cookieRoles.has(cookie.role)) issue(["cookies", index, "role"], `duplicate cookie role ${cookie.role}`);
      cookieNames.add(cookie.name);
      cookieRoles.add(cookie.role);
      const withinMax = cookie.maxIsExclusive
        ? cookie.lifetimeSeconds < cookie.maxLifetimeSeconds
        : cookie.lifetimeSeconds <= cookie.maxLifetimeSeconds;
      if (cookie.minLifetimeSeconds > cookie.lifetimeSeconds || !withinMax) {
        issue(["cookies", index, "lifetimeSeconds"], "the lifetime must lie within the cookie's published bounds");
      }
    });
    const optOutCookie = doc.cookies.find((cookie) => cookie.name === doc.optOut.cookieName);
    if (optOutCookie?.role !== "opt-out") {
      issue(["optOut", "cookieName"], "the opt-out cookie must be one of the policy's cookies, with role opt-out");
    }

    for (const kind of retentionKinds) {
      const bounds = doc.retention[kind];
      if (!(bounds.minDays <= bounds.defaultDays && bounds.defaultDays <= bounds.maxDays)) {
        issue(["retention", kind], "retention bounds must satisfy minDays <= defaultDays <= maxDays");
      }
    }
  });

/** Read-only: policy documents are constants, and resolved policies are frozen. */
export type PolicyDocument = DeepReadonly<z.output<typeof policyDocumentSchema>>;

export type CookieSpec = PolicyDocument["cookies"][number];

export type RetentionBounds = PolicyDocument["retention"]["rawRecordings"];
