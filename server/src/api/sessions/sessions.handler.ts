import type { z } from "zod";
import type { SessionDoc } from "../../db/analyticsCollections.js";
import { notFound } from "../../errors/appError.js";
import { getSite } from "../../domain/sites/getSite.js";
import { decodeSessionCursor, encodeSessionCursor } from "../../domain/sessions/sessionCursor.js";
import { countSessionViolationsByKind, findSession, listSessionPages, listSessions } from "../../repositories/sessionRepository.js";
import type { TenantProcedureContext } from "../trpc.js";
import type { getSessionInput, getSessionOutput, listSessionsInput, listSessionsOutput, sessionSummaryOutput } from "./sessions.schema.js";

type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

function toSummary(session: SessionDoc): z.infer<typeof sessionSummaryOutput> {
  return {
    sessionId: session.sessionKey,
    siteId: session.siteId,
    firstSeenAt: session.firstSeenAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    durationMs: session.lastSeenAt.getTime() - session.firstSeenAt.getTime(),
    pageCount: session.pageCount,
    eventCount: session.eventCount,
    entryUrl: session.entryUrl,
    technical: session.technical,
    violationCount: session.violationCount,
    droppedEvents: session.droppedEvents ?? 0,
    rageClicks: session.rageClicks,
    deadClicks: session.deadClicks,
    policy: session.policy,
  };
}

export async function listSessionsHandler({ ctx, input }: Args<typeof listSessionsInput>): Promise<z.infer<typeof listSessionsOutput>> {
  // A site filter must name one of the tenant's sites: another tenant's site is NOT_FOUND, not an empty list.
  if (input.siteId) await getSite(ctx.tenant.scope, input.siteId);
  const before = input.cursor ? decodeSessionCursor(input.cursor) : undefined;
  const found = await listSessions(ctx.tenant.scope, { siteId: input.siteId, limit: input.limit + 1, before });
  const page = found.slice(0, input.limit);
  const last = page.at(-1);
  return {
    sessions: page.map(toSummary),
    nextCursor: found.length > input.limit && last?._id ? encodeSessionCursor({ firstSeenAt: last.firstSeenAt, id: last._id.toHexString() }) : null,
  };
}

export async function getSessionHandler({ ctx, input }: Args<typeof getSessionInput>): Promise<z.infer<typeof getSessionOutput>> {
  const scope = ctx.tenant.scope;
  const session = await findSession(scope, input.siteId, input.sessionId);
  if (!session) throw notFound("Session");
  const [pages, violationsByKind] = await Promise.all([
    listSessionPages(scope, input.siteId, input.sessionId),
    countSessionViolationsByKind(scope, input.siteId, input.sessionId),
  ]);
  return {
    ...toSummary(session),
    referrer: session.referrer,
    ipTruncated: session.ipTruncated,
    pages: pages.map((page) => ({
      pageId: page.pageId,
      url: page.url,
      referrer: page.referrer,
      startedAt: page.startedAt.toISOString(),
      lastEventAt: page.lastEventAt.toISOString(),
      loadTimeMs: page.loadTimeMs,
      breakpoint: page.breakpoint,
      maxScrollDepth: page.maxScrollDepth,
    })),
    violationsByKind,
  };
}
