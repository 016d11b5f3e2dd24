import type { Db } from "mongodb";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import type { SiteBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { drop, ok } from "../../pipeline/stepResult.js";

/** MS-4.1: no event of a visitor who opted out of this site is stored. */
export function optOutStep(db: Db) {
  return step<SiteBatch, SiteBatch>("optOut", async (batch) => {
    const optedOut = await analyticsCollections(db).optOuts.findOne(
      { tenantId: batch.site.tenantId, siteId: batch.site._id, visitorKey: batch.visitorKey },
      { projection: { _id: 1 } },
    );
    return optedOut ? drop("opted-out") : ok(batch);
  });
}
