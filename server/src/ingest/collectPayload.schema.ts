import { z } from "zod";

/**
 * The wire format of one recorder batch (`POST /collect`), version 1. The recorder in
 * client-sdk builds it; the ingestion pipeline validates it. Strict objects: a field the
 * schema does not name is rejected, so the payload cannot grow a channel for data the
 * policy does not allow (MS-2.2). Technical info is the one open map, because MS-1.1 asks
 * for an allow-list that drops (not rejects) what it does not know.
 */
export const collectLimits = {
  /** Largest request body as sent (gzip or plain). */
  maxBodyBytes: 1024 * 1024,
  /** Largest body after decompression: bounds the work a small gzip bomb can cause. */
  maxDecompressedBytes: 8 * 1024 * 1024,
  maxEventsPerBatch: 5_000,
  maxUrlLength: 2_048,
  maxTechnicalFields: 32,
} as const;

/** Random identifiers made by the recorder from crypto.getRandomValues (base64url). */
const randomId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "must be 16-64 characters of base64url");

const url = z.string().max(collectLimits.maxUrlLength, `must be at most ${collectLimits.maxUrlLength} characters`);

/** An rrweb `eventWithTime`; its `data` is checked and masked by the pipeline's own steps. */
export const recordedEventSchema = z.strictObject({
  type: z.number().int().min(0).max(6),
  data: z.unknown(),
  timestamp: z.number().int().min(0),
  delay: z.number().optional(),
});

export const collectPayloadSchema = z.strictObject({
  v: z.literal(1),
  siteKey: z.string().regex(/^pk_[0-9a-z]{24}$/, "must be a site key (pk_…)"),
  /** From the session cookie (MS-1.8): random, lives under 24 h. */
  sessionId: randomId,
  /** From the visitor cookie (MS-1.9): random per site, never shared across sites (MS-2.3). */
  visitorId: randomId,
  /** Random per page load: one rrweb recording per page view. */
  pageId: randomId,
  /** Batch number within the page view, from 0; (session, page, seq) is stored once. */
  seq: z.number().int().min(0).max(1_000_000),
  /** Client clock at sending, ms since the epoch. */
  sentAt: z.number().int().min(0),
  /** MS-4.2: `granted` once the visitor consented; `not-required` where the site's mode allows it. */
  consent: z.enum(["granted", "not-required"]),
  /**
   * MS-4.2: the browser's privacy signals as the recorder read them, so the server decides again
   * per batch with the same rule (policies/enforce/decideRecording) and refuses a batch whose
   * recorder ignored them. Optional for recorders that predate it: the request's `Sec-GPC`/`DNT`
   * headers are checked either way.
   */
  privacySignals: z.strictObject({ globalPrivacyControl: z.boolean(), doNotTrack: z.boolean() }).optional(),
  /** Sent with the first batch of a page view. */
  page: z
    .strictObject({
      url,
      referrer: url.optional(),
      startedAt: z.number().int().min(0),
      /** Navigation Timing: load event end minus navigation start. */
      loadTimeMs: z.number().int().min(0).max(600_000).optional(),
    })
    .optional(),
  /**
   * The viewport and document scroll position when this batch's first event happened, so each
   * batch can be placed on the heatmap on its own (rrweb's Meta and scroll events only say so
   * when they change). Coordinates in CSS pixels.
   */
  view: z
    .strictObject({
      width: z.number().int().min(1).max(100_000),
      height: z.number().int().min(1).max(100_000),
      scrollX: z.number().min(0).max(10_000_000),
      scrollY: z.number().min(0).max(10_000_000),
      /** The document's full height, for scroll depth (MS-1.4). */
      documentHeight: z.number().int().min(1).max(10_000_000).optional(),
    })
    .optional(),
  /** MS-1.1 technical info; the pipeline keeps only the policy's allow-listed fields. */
  technical: z
    .record(z.string().max(64), z.union([z.string().max(200), z.number(), z.boolean()]))
    .refine((value) => Object.keys(value).length <= collectLimits.maxTechnicalFields, {
      message: `must have at most ${collectLimits.maxTechnicalFields} fields`,
    })
    .optional(),
  events: z.array(recordedEventSchema).max(collectLimits.maxEventsPerBatch, `must hold at most ${collectLimits.maxEventsPerBatch} events`),
  /** Events the recorder's bounded queue had to drop (oldest first) before this batch. */
  droppedEvents: z.number().int().min(0).optional(),
});

export type CollectPayload = z.infer<typeof collectPayloadSchema>;

/** `GET /collect/config/:siteKey`: what the recorder needs to apply the policy in the browser. */
export interface RecorderConfig {
  siteKey: string;
  /** Where batches go (absolute URL). */
  collectUrl: string;
  /** The hosted opt-out page for this site (MS-4.1). */
  optOutUrl: string;
  policy: {
    policyId: string;
    policyVersion: number;
    masking: {
      maskCharacter: string;
      textMasking: "inputs-only" | "all-text";
      nonSensitiveSelectors: string[];
      maskedSelectors: string[];
      blockedSelectors: string[];
      neverCapture: { inputTypes: string[]; autocompleteTokens: string[]; autocompleteTokenPrefixes: string[] };
    };
    interactions: {
      recordMouseMovements: boolean;
      recordScrolls: boolean;
      recordClicks: boolean;
      mouseMoveSampleIntervalMs: number;
      scrollSampleIntervalMs: number;
    };
    pages: { dropQueryParameters: boolean };
    cookies: { name: string; role: string; lifetimeSeconds: number }[];
    consent: { mode: "none" | "opt-out" | "required"; honourGlobalPrivacyControl: boolean; honourDoNotTrack: boolean };
    optOut: { cookieName: string; queryParameter: string; queryValue: string; cookieLifetimeSeconds: number };
    technicalFields: string[];
  };
}
