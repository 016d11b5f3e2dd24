import { EventType } from "@rrweb/types";
import { getSite } from "../../domain/sites/getSite.js";
import type { Breakpoint } from "../../db/analyticsCollections.js";
import { notFound } from "../../errors/appError.js";
import { decodeChunkEvents, findChunk, listPageChunks } from "../../repositories/recordingChunkRepository.js";
import { findRecentPageViews } from "../../repositories/reportQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";

/** Where a stored full snapshot is: fetch it with `pageSnapshot`. */
export interface SnapshotAddress {
  sessionId: string;
  pageId: string;
  seq: number;
  startedAt: Date;
}

/** How many recent page views, and how many of each one's first chunks, are looked at: bounded work. */
const pageViewsLooked = 5;
const chunksLooked = 3;

const isEventOf = (type: EventType) => (event: unknown) => typeof event === "object" && event !== null && (event as { type?: unknown }).type === type;

/**
 * MS-1.4: a page to draw a heatmap over, the first full snapshot of the most recent page view of
 * the page at the breakpoint that has one. Recordings are stored masked, so the snapshot is too.
 */
export async function findHeatmapSnapshot(scope: TenantScope, query: { siteId: string; urlKey: string; breakpoint: Breakpoint }): Promise<SnapshotAddress | null> {
  for (const view of await findRecentPageViews(scope, { ...query, limit: pageViewsLooked })) {
    let looked = 0;
    for await (const chunk of listPageChunks(scope, { siteId: query.siteId, sessionKey: view.sessionKey, pageId: view.pageId })) {
      if ((await decodeChunkEvents(chunk)).some(isEventOf(EventType.FullSnapshot))) {
        return { sessionId: view.sessionKey, pageId: view.pageId, seq: chunk.seq, startedAt: view.startedAt };
      }
      if (++looked >= chunksLooked) break;
    }
  }
  return null;
}

/**
 * The stored (masked) full snapshot at an address, with the Meta event before it that gives the
 * viewport size: the two rrweb events a player needs to draw the page.
 */
export async function pageSnapshot(scope: TenantScope, address: { siteId: string; sessionId: string; pageId: string; seq: number }): Promise<unknown[]> {
  await getSite(scope, address.siteId);
  const chunk = await findChunk(scope, { siteId: address.siteId, sessionKey: address.sessionId, pageId: address.pageId, seq: address.seq });
  if (!chunk) throw notFound("Snapshot");
  const events = await decodeChunkEvents(chunk);
  const at = events.findIndex(isEventOf(EventType.FullSnapshot));
  if (at < 0) throw notFound("Snapshot");
  const meta = events.slice(0, at).findLast(isEventOf(EventType.Meta));
  return meta ? [meta, events[at]] : [events[at]];
}
