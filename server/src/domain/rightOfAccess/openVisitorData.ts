import { decodeChunkEvents } from "../../repositories/recordingChunkRepository.js";
import {
  findVisitorOptOut,
  listVisitorPageViews,
  listVisitorSessions,
  listVisitorSurveyResponses,
  listVisitorViolations,
  streamVisitorChunks,
  type VisitorDataAddress,
} from "../../repositories/visitorDataRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { recordAudit } from "../audit/recordAudit.js";
import { findVisitorData } from "../compliance/eraseVisitor.js";
import { visitorKeyOf } from "../compliance/visitorId.js";
import { pageViewSummaryOf } from "../sessions/sessionSummary.js";
import { getSite } from "../sites/getSite.js";
import type { TenantCall } from "../tenantCall.js";

/** Everything held on one visitor of one site except the recordings, which are streamed after it. */
export interface VisitorDataHeader {
  site: { siteId: string; name: string };
  generatedAt: string;
  statement: string;
  /** MS-4.1: whether, and since when, the visitor is opted out of recording on this site. */
  optOut: { optedOutAt: string } | null;
  sessions: {
    sessionId: string;
    firstSeenAt: string;
    lastSeenAt: string;
    pageCount: number;
    eventCount: number;
    entryUrl: string | null;
    referrer: string | null;
    technical: Record<string, string | number>;
    ipTruncated: string | null;
    policy: { id: string; version: number };
  }[];
  pageViews: {
    sessionId: string;
    pageId: string;
    url: string;
    referrer: string | null;
    startedAt: string;
    lastEventAt: string;
    loadTimeMs: number | null;
    breakpoint: string;
    maxScrollDepth: number;
  }[];
  surveyResponses: { surveyId: string; responseId: string; receivedAt: string; answers: { questionId: string; choices?: string[]; rating?: number; text?: string }[]; policy: { id: string; version: number } }[];
  /** Where PII was found in what they sent (MS-1.7, MS-1.13): the kind and place, never the value, which was not kept. */
  violations: { source: "recording" | "survey"; kind: string; location: string; detectedAt: string; sessionId: string | null }[];
}

/** One stored recording chunk: the visitor's rrweb events as held (masked on arrival, MS-1.5). */
export interface VisitorRecordingChunk {
  sessionId: string;
  pageId: string;
  seq: number;
  receivedAt: string;
  events: unknown[];
}

export interface OpenedVisitorData {
  header: VisitorDataHeader;
  recordings: AsyncIterable<VisitorRecordingChunk>;
}

/** Recording chunks a cursor hands over at a time: the recordings are never held whole. */
const recordingBatchSize = 4;

async function* recordingsOf(scope: TenantScope, visitor: VisitorDataAddress): AsyncGenerator<VisitorRecordingChunk> {
  for await (const chunk of streamVisitorChunks(scope, visitor, recordingBatchSize)) {
    yield { sessionId: chunk.sessionKey, pageId: chunk.pageId, seq: chunk.seq, receivedAt: chunk.receivedAt.toISOString(), events: await decodeChunkEvents(chunk) };
  }
}

/**
 * The right of access (GDPR Art. 15): every record held on a visitor of one site, found by the
 * visitor id the hosted opt-out page showed them, exactly as erasure finds it (findVisitorData,
 * the same filters), so what is shown is what an erasure would delete, plus the opt-out that
 * erasure keeps. Audited without the visitor id (MS-3.3). Aggregates hold no per-visitor data
 * and are not part of it.
 */
export async function openVisitorData(call: TenantCall, input: { siteId: string; visitorId: string; visitorKeySecret: Buffer }): Promise<OpenedVisitorData> {
  const site = await getSite(call.scope, input.siteId);
  const visitor = await findVisitorData(call.scope, site._id, visitorKeyOf(input.visitorKeySecret, site._id, input.visitorId));
  const [optOut, sessions, pageViews, surveyResponses, violations] = await Promise.all([
    findVisitorOptOut(call.scope, visitor),
    listVisitorSessions(call.scope, visitor),
    listVisitorPageViews(call.scope, visitor),
    listVisitorSurveyResponses(call.scope, visitor),
    listVisitorViolations(call.scope, visitor),
  ]);
  await recordAudit(call, "visitor.access", { type: "site", id: site._id }, { sessions: sessions.length, surveyResponses: surveyResponses.length });
  const header: VisitorDataHeader = {
    site: { siteId: site._id, name: site.name },
    generatedAt: call.now.toISOString(),
    statement: [
      `Every record ${site.name} holds on this visitor through Mousetrail: sessions, page views, recordings, survey answers, PII findings and the opt-out.`,
      "Typed text was masked before it was stored and the IP address was stored truncated; identifiers are keyed to this site and link to no other.",
      "Aggregate reports hold counts without any per-visitor data and are not included.",
    ].join(" "),
    optOut: optOut ? { optedOutAt: optOut.at.toISOString() } : null,
    sessions: sessions.map((session) => ({
      sessionId: session.sessionKey,
      firstSeenAt: session.firstSeenAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      pageCount: session.pageCount,
      eventCount: session.eventCount,
      entryUrl: session.entryUrl,
      referrer: session.referrer,
      technical: session.technical,
      ipTruncated: session.ipTruncated,
      policy: session.policy,
    })),
    pageViews: pageViews.map((page) => ({ sessionId: page.sessionKey, ...pageViewSummaryOf(page) })),
    surveyResponses: surveyResponses.map((response) => ({
      surveyId: response.surveyId,
      responseId: response.responseId,
      receivedAt: response.receivedAt.toISOString(),
      answers: response.answers,
      policy: response.policy,
    })),
    violations: violations.map((violation) => ({
      source: violation.source ?? "recording",
      kind: violation.kind,
      location: violation.location,
      detectedAt: violation.detectedAt.toISOString(),
      sessionId: violation.sessionKey || null,
    })),
  };
  return { header, recordings: recordingsOf(call.scope, visitor) };
}
