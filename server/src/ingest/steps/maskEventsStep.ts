import { maskRecordingEvents } from "@mousetrail/policies/enforce/maskRecordingEvents";
import { NodeRegistry } from "@mousetrail/policies/masking/nodeRegistry";
import type { Db } from "mongodb";
import { decodeChunkEvents, listPageChunks } from "../../repositories/recordingChunkRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import type { DescribedBatch, MaskedBatch } from "../batchStages.js";
import type { NodeRegistryCache } from "../nodeRegistryCache.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

/**
 * MS-1.5, MS-1.6, MS-2.4: the server masks every batch again, whatever the recorder did. Later
 * batches of a page view refer to nodes of its first snapshot, so the page's node registry is
 * kept between batches; when this process has not seen the page (another process took its
 * first batches, or the cache forgot it), it is rebuilt from the chunks already stored.
 */
export function maskEventsStep(db: Db, registries: NodeRegistryCache) {
  return step<DescribedBatch, MaskedBatch>("maskEvents", async (batch) => {
    const { payload, site } = batch;
    const key = `${site._id}:${batch.sessionKey}:${payload.pageId}`;
    let entry = registries.get(key);
    if (!entry || entry.nextSeq > payload.seq) {
      const registry = new NodeRegistry();
      if (payload.seq > 0) {
        const scope = tenantScope(db, site.tenantId);
        const page = { siteId: site._id, sessionKey: batch.sessionKey, pageId: payload.pageId };
        for await (const chunk of listPageChunks(scope, page, { beforeSeq: payload.seq })) {
          maskRecordingEvents(await decodeChunkEvents(chunk), batch.policy, registry, { inPlace: true });
        }
      }
      entry = { registry, nextSeq: payload.seq };
    }
    // The parsed events are this batch's own: masked where they are, and no longer part of the
    // payload the next steps see (an event dropped as unmaskable may be left half masked there).
    const { events, ...rest } = payload;
    const masked = maskRecordingEvents(events, batch.policy, entry.registry, { inPlace: true });
    registries.set(key, entry.registry, payload.seq + 1);
    return ok({ ...batch, payload: rest, events: masked.events, masking: masked.report });
  });
}
