import { maskRecordingEvents } from "@mousetrail/policies/enforce/maskRecordingEvents";
import { NodeRegistry } from "@mousetrail/policies/masking/nodeRegistry";
import { notFound } from "../../errors/appError.js";
import { decodeChunkEvents, listPageChunks, listRecordedPages } from "../../repositories/recordingChunkRepository.js";
import { findSession } from "../../repositories/sessionRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { effectivePolicyOfSite } from "../privacy/effectivePolicyOfSite.js";
import { getSite } from "../sites/getSite.js";
import { droppedEventsMarker, lastTimestampOf } from "./droppedEventsMarker.js";

/** Chunks the database cursor hands over at a time: what a replay holds in memory, per reader. */
export const recordingChunkBatchSize = 4;

export interface OpenedRecording {
  siteId: string;
  sessionId: string;
  /** The rrweb events, page after page, one stored chunk's events at a time, read as they are consumed. */
  eventBatches: AsyncIterable<unknown[]>;
}

/**
 * A session's recording as a stream of rrweb events, so a player starts before the recording has
 * loaded and the server never holds it whole: each page's chunks come from a cursor a few at a
 * time and are decoded one by one. Every event is masked again under the site's current policy
 * on the way out (MS-1.5, MS-2.4): a chunk stored before a tightening was re-masked still comes
 * back with its fields as `*`. A chunk whose batch reported events the recorder dropped is
 * followed by a marker event (droppedEventsMarker) spanning the gap, so a player can show it.
 * Checks happen before the first event, so a missing session is a NOT_FOUND, not a stream cut short.
 */
export async function openRecording(scope: TenantScope, siteId: string, sessionKey: string): Promise<OpenedRecording> {
  const site = await getSite(scope, siteId);
  const [session, pageIds] = await Promise.all([findSession(scope, site._id, sessionKey), listRecordedPages(scope, site._id, sessionKey)]);
  if (!session && pageIds.length === 0) throw notFound("Session");
  const policy = await effectivePolicyOfSite(scope.db, site);

  async function* eventBatches(): AsyncGenerator<unknown[]> {
    for (const pageId of pageIds) {
      // One registry per page, as ingestion keeps it: masking a mutation needs the page's nodes.
      const registry = new NodeRegistry();
      let previousLast: number | null = null;
      for await (const chunk of listPageChunks(scope, { siteId: site._id, sessionKey, pageId }, { batchSize: recordingChunkBatchSize })) {
        const events: unknown[] = maskRecordingEvents(await decodeChunkEvents(chunk), policy, registry).events;
        const marker = droppedEventsMarker(chunk.context.droppedEvents ?? 0, events, previousLast);
        previousLast = lastTimestampOf(events) ?? previousLast;
        yield marker ? [...events, marker] : events;
      }
    }
  }
  return { siteId: site._id, sessionId: sessionKey, eventBatches: eventBatches() };
}
