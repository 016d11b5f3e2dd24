import type { Db } from "mongodb";
import { tenantScope } from "../../repositories/tenantScope.js";
import type { StoredBatch } from "../batchStages.js";
import { deriveFromChunk } from "../deriveFromChunk.js";
import { step } from "../pipeline/pipeline.js";
import { ok } from "../pipeline/stepResult.js";

/** Sessions, page views and rollups, derived from the stored chunk by whoever holds its claim. */
export function deriveRollupsStep(db: Db) {
  return step<StoredBatch, StoredBatch>("deriveRollups", async (batch) => {
    if (batch.ownsRollup) await deriveFromChunk(tenantScope(db, batch.site.tenantId), batch.chunk, batch.events);
    return ok(batch);
  });
}
