import { truncateIp } from "@mousetrail/policies/enforce/truncateIp";
import type { AnonymousBatch, SiteBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

/** MS-1.2: the address is truncated here and the raw one leaves the batch for good. */
export const truncateIpStep = step<SiteBatch, AnonymousBatch>("truncateIp", ({ ip, ...batch }) =>
  ok({ ...batch, ipTruncated: truncateIp(ip, batch.policy.ipAddress) }),
);
