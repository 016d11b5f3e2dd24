import type { Binary, Db, ObjectId } from "mongodb";

/**
 * The analytics data: high volume, per tenant, written by ingestion. Every collection carries
 * tenantId and siteId first in its unique key, which is also its shard key on a sharded
 * cluster (see README): one tenant's site is the unit that grows.
 */

export type DeviceClass = "mobile" | "tablet" | "desktop";
export type Breakpoint = DeviceClass;

export interface PolicyStamp {
  id: string;
  version: number;
}

/** MS-1.1 fields as stored, after the allow-list. */
export type StoredTechnicalInfo = Record<string, string | number> & { deviceClass?: DeviceClass };

export interface SessionDoc {
  _id?: ObjectId;
  tenantId: string;
  siteId: string;
  /** The recorder's session cookie value, keyed to the site (MS-2.3): never the raw cookie. */
  sessionKey: string;
  visitorKey: string;
  firstSeenAt: Date;
  lastSeenAt: Date;
  pageCount: number;
  eventCount: number;
  entryUrl: string | null;
  referrer: string | null;
  technical: StoredTechnicalInfo;
  /** MS-1.2: the only form of the address that is ever stored. */
  ipTruncated: string | null;
  /** MS-5.1: the policy version the session was collected under. */
  policy: PolicyStamp;
  violationCount: number;
  rageClicks: number;
  deadClicks: number;
  /** Events the recorder's bounded queue dropped (oldest first) before sending: gaps in the replay. */
  droppedEvents?: number;
  /** The site-local day the session was created on (absent on sessions derived before it was kept). */
  day?: string;
  /** The derivation round that created the session, and the rounds counting into it now (their marks). */
  createdBy?: string;
  derivingChunks?: string[];
  /**
   * The first two rounds that added page views to the session, in the order their writes landed,
   * and how many each added (pushed with the `$inc` of `pageCount`, in the same write): a round
   * reads from them, the same on every attempt, whether it made the session a one-page session
   * or ended that (the bounce count of siteDaily). Later rounds are left out: they find neither.
   */
  pageSteps?: PageStep[];
}

export interface PageStep {
  round: string;
  pages: number;
}

export interface PageViewDoc {
  _id?: ObjectId;
  tenantId: string;
  siteId: string;
  sessionKey: string;
  pageId: string;
  /**
   * The site-scoped visitor key of the page view's session (MS-2.3), so an erasure finds it
   * directly (absent on page views derived before it was kept).
   */
  visitorKey?: string;
  url: string;
  urlKey: string;
  referrer: string | null;
  startedAt: Date;
  lastEventAt: Date;
  loadTimeMs: number | null;
  breakpoint: Breakpoint;
  /** Deepest point reached, in percent of the document height. */
  maxScrollDepth: number;
  /** The derivation round that created the page view. */
  createdBy?: string;
}

export interface RecordingChunkDoc {
  _id?: ObjectId;
  tenantId: string;
  siteId: string;
  sessionKey: string;
  pageId: string;
  seq: number;
  receivedAt: Date;
  firstEventAt: Date | null;
  lastEventAt: Date | null;
  eventCount: number;
  /** The JSON array of masked rrweb events, compressed as `eventsEncoding` says (repositories/recordingChunkRepository.ts). */
  events: Binary;
  /** Absent: gzip (chunks stored before brotli); "brotli-id-deltas": large chunks, node ids written as differences (repositories/nodeIdDeltas.ts). */
  eventsEncoding?: "brotli" | "brotli-id-deltas";
  rawBytes: number;
  storedBytes: number;
  policy: PolicyStamp;
  context: ChunkContext;
  /**
   * The chunk is the commit point of a batch; sessions, page views and rollups are derived from
   * it afterwards, in rounds, by a derivation worker (server/src/rollups/derivation). `claim` is
   * the round that took the chunk (set once, never changed: a round that dies is finished under
   * the same name, see deriveRound); `claimedUntil` the lease of whoever works on that round;
   * `appliedAt` when the chunk was counted, on the server's clock.
   */
  rollup: { state: "pending" | "applied"; claimedUntil: Date; claim?: string; appliedAt?: Date };
}

/** Everything the derived data needs besides the events, so a chunk alone can rebuild it. */
export interface ChunkContext {
  visitorKey: string;
  technical: StoredTechnicalInfo;
  ipTruncated: string | null;
  breakpoint: Breakpoint;
  urlKey: string;
  /** The site's local calendar day of receipt (its time zone, UTC by default), `YYYY-MM-DD`: the rollups' time bucket. */
  day: string;
  page: {
    url: string;
    urlKey: string;
    referrer: string | null;
    startedAt: Date;
    loadTimeMs: number | null;
  } | null;
  view: { width: number; height: number; scrollX: number; scrollY: number; documentHeight: number | null } | null;
  violationCount: number;
  /** What the recorder reported dropping before this batch (absent in chunks stored before it was kept). */
  droppedEvents?: number;
}

/** Clicks and pointer positions are counts; attention is milliseconds each row was on screen (column 0). */
export type HeatmapKind = "click" | "move" | "attention";

export interface HeatmapRollupDoc {
  tenantId: string;
  siteId: string;
  urlKey: string;
  breakpoint: Breakpoint;
  day: string;
  kind: HeatmapKind;
  total: number;
  /** `<column>_<row>` → count; columns are percent of the viewport width, rows 10 px bands. */
  cells: Record<string, number>;
}

export interface ScrollRollupDoc {
  tenantId: string;
  siteId: string;
  urlKey: string;
  breakpoint: Breakpoint;
  day: string;
  /** Page views that reached at least each depth: `reached.<5·k>` for k = 0..20. */
  reached: Record<string, number>;
  /** The fold (viewport height in percent of the document) summed over the page views that measured it. */
  foldSum?: number;
  foldCount?: number;
}

export interface PageDailyDoc {
  tenantId: string;
  siteId: string;
  urlKey: string;
  day: string;
  pageViews: number;
  loadTimeMsSum: number;
  loadTimeCount: number;
  clicks: number;
  rageClicks: number;
  deadClicks: number;
}

/** What the overview breaks sessions and page views down by (MS-1.1 fields, and where visits came from). */
export const breakdownDimensions = ["browser", "os", "language", "timeZone", "screenSize", "deviceClass", "referrer", "entryPage"] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/**
 * A site's day broken down by one dimension's value: sessions counted on the day they were
 * created (from their entry batch), page views on the day they started. `referrer` and
 * `entryPage` count sessions only.
 */
export interface SiteBreakdownDailyDoc {
  tenantId: string;
  siteId: string;
  day: string;
  dimension: BreakdownDimension;
  value: string;
  sessions: number;
  pageViews: number;
}

/** MS-3.1: rage and dead clicks on one page's element (a short CSS path, never text) on a day. */
export interface ClickTargetDailyDoc {
  tenantId: string;
  siteId: string;
  urlKey: string;
  day: string;
  selector: string;
  rageClicks: number;
  deadClicks: number;
}

export interface SiteDailyDoc {
  tenantId: string;
  siteId: string;
  day: string;
  sessions: number;
  pageViews: number;
  events: number;
  storedBytes: number;
  loadTimeMsSum: number;
  loadTimeCount: number;
  rageClicks: number;
  deadClicks: number;
  violations: number;
  /** Sessions created on the day that have seen exactly one page view so far (absent on days derived before it was counted). */
  bounces?: number;
}

/** MS-1.7, MS-1.13: where PII was found and what kind, never the value. */
export interface PiiViolationDoc {
  tenantId: string;
  siteId: string;
  /** What the PII arrived in; absent means a recording (violations stored before surveys existed). */
  source?: "recording" | "survey";
  /** The recording chunk the PII was in; `""`, `""`, 0 for a survey answer. */
  sessionKey: string;
  pageId: string;
  seq: number;
  /** The survey response whose answer held the PII (source "survey" only). */
  surveyResponseId?: string;
  /**
   * The site-scoped key of the visitor whose batch or answer held the PII, so an erasure finds it
   * directly; null for an answer sent without a visitor cookie (absent on older violations).
   */
  visitorKey?: string | null;
  /** Position in the batch's (or response's) findings: with the fields above a unique, replay-safe key. */
  index: number;
  kind: string;
  /** `events.12.data.texts.0.value`, `page.url` or `surveys.<surveyId>.answers.<questionId>`. */
  location: string;
  detectedAt: Date;
}

/** A PII finding before it is stored: what kind, and where in the batch or response. */
export type FoundViolation = Pick<PiiViolationDoc, "kind" | "location">;

/** One survey answer as stored: choices by option text, ratings, and free text with PII redacted. */
export interface StoredSurveyAnswer {
  questionId: string;
  choices?: string[];
  rating?: number;
  text?: string;
}

/** MS-1.13: a visitor's answers to one survey, after validation and PII redaction. */
export interface SurveyResponseDoc {
  _id?: ObjectId;
  tenantId: string;
  siteId: string;
  surveyId: string;
  /** Random, made by the recorder: a replayed submission hits the unique key and is stored once. */
  responseId: string;
  /** The visitor cookie keyed to the site (MS-2.3), never the raw id; null when none was sent. */
  visitorKey: string | null;
  receivedAt: Date;
  answers: StoredSurveyAnswer[];
  hasFreeText: boolean;
  /** MS-5.1: the policy version the answers were collected under. */
  policy: PolicyStamp;
  violationCount: number;
}

/** MS-4.1: a visitor who opted out of one site, by site-keyed id only. */
export interface OptOutDoc {
  tenantId: string;
  siteId: string;
  visitorKey: string;
  at: Date;
  /**
   * The erasure fence: set, with the opt-out, by the first step of a visitor erasure. Ingest
   * checks it again just before storing a batch that passed the opt-out check earlier, and the
   * derivation worker discards the visitor's chunks instead of deriving sessions from them.
   */
  erasure?: ErasureFence;
}

export interface ErasureFence {
  erasureId: string;
  fencedAt: Date;
}

export function analyticsCollections(db: Db) {
  return {
    sessions: db.collection<SessionDoc>("sessions"),
    pageViews: db.collection<PageViewDoc>("pageViews"),
    recordingChunks: db.collection<RecordingChunkDoc>("recordingChunks"),
    heatmapRollups: db.collection<HeatmapRollupDoc>("heatmapRollups"),
    scrollRollups: db.collection<ScrollRollupDoc>("scrollRollups"),
    pageDaily: db.collection<PageDailyDoc>("pageDaily"),
    siteDaily: db.collection<SiteDailyDoc>("siteDaily"),
    siteBreakdownDaily: db.collection<SiteBreakdownDailyDoc>("siteBreakdownDaily"),
    clickTargetDaily: db.collection<ClickTargetDailyDoc>("clickTargetDaily"),
    piiViolations: db.collection<PiiViolationDoc>("piiViolations"),
    optOuts: db.collection<OptOutDoc>("optOuts"),
    surveyResponses: db.collection<SurveyResponseDoc>("surveyResponses"),
  };
}

export type AnalyticsCollectionName = keyof ReturnType<typeof analyticsCollections>;

/**
 * MS-1.7: what a purge of a tenant's analytics does with each collection above, in the order it
 * deletes them. Typed over every collection `analyticsCollections` returns, so a collection added
 * there does not compile until it is classified here. Recording chunks go first: sessions, page
 * views and rollups can be derived from them again, never the other way round.
 */
export const analyticsOnTenantPurge = {
  recordingChunks: "delete",
  sessions: "delete",
  pageViews: "delete",
  piiViolations: "delete",
  heatmapRollups: "delete",
  scrollRollups: "delete",
  pageDaily: "delete",
  siteDaily: "delete",
  siteBreakdownDaily: "delete",
  clickTargetDaily: "delete",
  // MS-1.13: survey answers are what visitors typed, the first thing a PII breach would be in.
  surveyResponses: "delete",
  // MS-4.1: an opt-out protects a visitor; deleting it would let the site record them again.
  optOuts: "keep",
} as const satisfies Record<AnalyticsCollectionName, "delete" | "keep">;
