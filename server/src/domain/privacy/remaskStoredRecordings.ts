import { maskRecordingEvents } from "@mousetrail/policies/enforce/maskRecordingEvents";
import { NodeRegistry } from "@mousetrail/policies/masking/nodeRegistry";
import type { Filter } from "mongodb";
import { analyticsCollections, type RecordingChunkDoc } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import type { JobContext } from "../../jobs/jobRunner.js";
import { decodeChunkEvents, encodeChunkEvents, listPageChunks } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { applyRetention } from "./applyRetention.js";
import { effectivePolicyOfSite } from "./effectivePolicyOfSite.js";

const batchSize = 50;

interface Cursor {
  sessionKey: string;
  pageId: string;
  seq: number;
}

export const enforcePrivacyJobType = "enforcePrivacySettings";

/**
 * Brings a site's stored data in line after its tenant tightened its privacy settings: data
 * beyond a shortened retention is deleted, and every stored recording is masked again under the
 * current settings (more masked fields, blocked elements, all-text masking). Masking masked
 * data again changes nothing that was already masked, so loosening a setting never un-masks
 * what is stored. Resumable: chunks are visited in (session, page, seq) order from the cursor.
 */
export async function enforcePrivacySettingsJob(context: JobContext): Promise<Record<string, unknown>> {
  const { db, job } = context;
  const siteId = String(job.params.siteId);
  const tenantId = job.tenantId as string;
  const scope = tenantScope(db, tenantId);
  const site = await collections(db).sites.findOne({ _id: siteId, tenantId });
  if (!site) return { skipped: "the site no longer exists" };
  const policy = await effectivePolicyOfSite(db, site);
  const retention = await applyRetention(scope, siteId, policy, context.now());

  const chunks = analyticsCollections(db).recordingChunks;
  const total = await chunks.countDocuments({ tenantId, siteId });
  let cursor = (job.cursor as Cursor | null) ?? null;
  let done = job.progress.done;
  let registryKey = "";
  let registry = new NodeRegistry();

  for (;;) {
    const filter: Filter<RecordingChunkDoc> = { tenantId, siteId };
    if (cursor) {
      filter.$or = [
        { sessionKey: { $gt: cursor.sessionKey } },
        { sessionKey: cursor.sessionKey, pageId: { $gt: cursor.pageId } },
        { sessionKey: cursor.sessionKey, pageId: cursor.pageId, seq: { $gt: cursor.seq } },
      ];
    }
    const page = await chunks.find(filter).sort({ sessionKey: 1, pageId: 1, seq: 1 }).limit(batchSize).toArray();
    if (page.length === 0) break;
    for (const chunk of page) {
      const key = `${chunk.sessionKey}:${chunk.pageId}`;
      if (key !== registryKey) {
        registryKey = key;
        registry = new NodeRegistry();
        // Resuming mid-page: the earlier chunks (already re-masked) rebuild the page's registry.
        if (chunk.seq > 0) {
          const pageOfChunk = { siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId };
          for await (const earlier of listPageChunks(scope, pageOfChunk, { beforeSeq: chunk.seq })) {
            maskRecordingEvents(await decodeChunkEvents(earlier), policy, registry);
          }
        }
      }
      const masked = maskRecordingEvents(await decodeChunkEvents(chunk), policy, registry);
      await chunks.updateOne({ _id: chunk._id, tenantId }, { $set: { ...(await encodeChunkEvents(masked.events)), eventCount: masked.events.length } });
      cursor = { sessionKey: chunk.sessionKey, pageId: chunk.pageId, seq: chunk.seq };
      done++;
    }
    await context.checkpoint({ done, total, cursor });
  }
  return { remaskedChunks: done, deletedByRetention: retention };
}
