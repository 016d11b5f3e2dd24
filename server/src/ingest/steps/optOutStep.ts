import type { Db } from "mongodb";
import { isOptedOut } from "../../domain/compliance/optOutCheck.js";
import { step } from "../../pipeline/pipeline.js";
import { drop, ok } from "../../pipeline/stepResult.js";
import type { ClearedBatch, SiteBatch } from "../batchStages.js";

/**
 * MS-4.1: no event of a visitor who opted out of this site is stored. The time is taken before
 * the read, so a batch checked before an erasure's fence is stored within the in-flight bound of
 * that time or not at all (storeBatchStep).
 */
export function optOutStep(db: Db, now: () => Date = () => new Date()) {
  return step<SiteBatch, ClearedBatch>("optOut", async (batch) => {
    const optOutCheckedAt = now();
    const optedOut = await isOptedOut(db, { tenantId: batch.site.tenantId, siteId: batch.site._id, visitorKey: batch.visitorKey });
    return optedOut ? drop("opted-out") : ok({ ...batch, optOutCheckedAt });
  });
}
