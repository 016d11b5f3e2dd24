import type { Db } from "mongodb";
import { isOptedOut } from "../../domain/compliance/optOutCheck.js";
import { step } from "../../pipeline/pipeline.js";
import { drop, ok } from "../../pipeline/stepResult.js";
import type { SiteBatch } from "../batchStages.js";

/** MS-4.1: no event of a visitor who opted out of this site is stored. */
export function optOutStep(db: Db) {
  return step<SiteBatch, SiteBatch>("optOut", async (batch) => {
    const optedOut = await isOptedOut(db, { tenantId: batch.site.tenantId, siteId: batch.site._id, visitorKey: batch.visitorKey });
    return optedOut ? drop("opted-out") : ok(batch);
  });
}
