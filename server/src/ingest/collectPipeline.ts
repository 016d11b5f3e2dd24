import type { Db } from "mongodb";
import type { DerivationSignal } from "../rollups/derivation/derivationWorker.js";
import type { IncomingBatch } from "./batchStages.js";
import { NodeRegistryCache } from "./nodeRegistryCache.js";
import { Pipeline } from "../pipeline/pipeline.js";
import type { SiteDirectory } from "../domain/sites/siteDirectory.js";
import { consentStep } from "./steps/consentStep.js";
import { detectPiiStep } from "./steps/detectPiiStep.js";
import { inheritPageUrlKeyStep } from "./steps/inheritPageUrlKeyStep.js";
import { maskEventsStep } from "./steps/maskEventsStep.js";
import { parseBodyStep } from "./steps/parseBodyStep.js";
import { resolveSiteStep } from "./steps/resolveSiteStep.js";
import { scrubUrlsStep } from "./steps/scrubUrlsStep.js";
import { stampPolicyStep } from "./steps/stampPolicyStep.js";
import { storeBatchStep } from "./steps/storeBatchStep.js";
import { technicalInfoStep } from "./steps/technicalInfoStep.js";
import { truncateIpStep } from "./steps/truncateIpStep.js";
import { validatePayloadStep } from "./steps/validatePayloadStep.js";

export interface CollectPipelineDeps {
  db: Db;
  sites: SiteDirectory;
  visitorKeySecret: Buffer;
  registries?: NodeRegistryCache;
  /** Told of every stored chunk (the derivation worker); without it, a worker's poll finds them. */
  derivation?: DerivationSignal;
  /** The longest a batch may take from receipt to insert (default maxBatchInFlightMs; shorter in tests). */
  batchInFlightMs?: number;
  now?: () => Date;
}

/**
 * The ingestion of one recorder batch, in order. Everything that can refuse a batch runs
 * before anything is written, so a rejected batch never half-writes; the chunk insert is the
 * commit point and the last step: sessions, page views and rollups are derived from stored
 * chunks in rounds, off the request path (server/src/rollups/derivation).
 */
export function createCollectPipeline(deps: CollectPipelineDeps) {
  return Pipeline.start<IncomingBatch>()
    .then(parseBodyStep)
    .then(validatePayloadStep)
    .then(resolveSiteStep(deps.sites, deps.visitorKeySecret))
    .then(consentStep)
    .then(truncateIpStep)
    .then(technicalInfoStep)
    .then(maskEventsStep(deps.db, deps.registries ?? new NodeRegistryCache()))
    .then(scrubUrlsStep)
    .then(inheritPageUrlKeyStep(deps.db))
    .then(detectPiiStep)
    .then(stampPolicyStep)
    .then(
      storeBatchStep(deps.db, deps.derivation ?? null, {
        ...(deps.now ? { now: deps.now } : {}),
        ...(deps.batchInFlightMs !== undefined ? { batchInFlightMs: deps.batchInFlightMs } : {}),
      }),
    );
}

export type CollectPipeline = ReturnType<typeof createCollectPipeline>;
