import type { SiteBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { drop, ok } from "../../pipeline/stepResult.js";

/** MS-4.2: where the site requires consent, a batch without it is dropped unstored. */
export const consentStep = step<SiteBatch, SiteBatch>("consent", (batch) =>
  batch.policy.consent.mode === "required" && batch.payload.consent !== "granted" ? drop("consent-missing") : ok(batch),
);
