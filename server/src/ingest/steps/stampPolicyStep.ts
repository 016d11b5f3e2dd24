import type { CheckedBatch, StampedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

/** MS-5.1: every stored batch says which policy version it was collected under. */
export const stampPolicyStep = step<CheckedBatch, StampedBatch>("stampPolicy", (batch) =>
  ok({ ...batch, policyStamp: { id: batch.policy.policyId, version: batch.policy.policyVersion } }),
);
