import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import type { MaskingReport } from "@mousetrail/policies/masking/maskingReport";
import type { Breakpoint, ChunkContext, FoundViolation, PolicyStamp, RecordingChunkDoc, StoredTechnicalInfo } from "../db/analyticsCollections.js";
import type { SiteDoc } from "../db/collections.js";
import type { ViewState } from "../rollups/computeBatchRollups.js";
import type { BatchMemoryLease } from "../memory/batchMemoryBudget.js";
import type { CollectPayload } from "./collectPayload.schema.js";

/**
 * The shapes a batch takes on its way through the pipeline, one per step that adds to it.
 * Each step's output type is the next step's input, so the order is checked by the compiler.
 */

/** What the HTTP layer hands over: bytes and the few request facts the steps need. */
export interface IncomingBatch {
  body: Buffer;
  encoding: "gzip" | "identity";
  origin: string | undefined;
  /** The raw client address: only in memory, only until truncateIpStep (MS-1.2). */
  ip: string;
  userAgent: string;
  /** MS-4.2: the `Sec-GPC: 1` and `DNT: 1` request headers; absent for batches not received over HTTP (the demo). */
  browserSignals?: { globalPrivacyControl: boolean; doNotTrack: boolean };
  receivedAt: Date;
  /** The memory the batch holds in the HTTP layer's budget: settled by parseBodyStep once its size is known. */
  memory?: BatchMemoryLease;
}

export type ParsedBatch = Omit<IncomingBatch, "body" | "memory"> & { json: unknown; wireBytes: number; rawBytes: number };

export type ValidBatch = Omit<ParsedBatch, "json"> & { payload: CollectPayload };

export type SiteBatch = ValidBatch & { site: SiteDoc; policy: EffectivePolicy; sessionKey: string; visitorKey: string };

export type AnonymousBatch = Omit<SiteBatch, "ip"> & { ipTruncated: string | null };

/** The User-Agent header is read by technicalInfoStep and not carried further. */
export type DescribedBatch = Omit<AnonymousBatch, "userAgent"> & { technical: StoredTechnicalInfo; breakpoint: Breakpoint; view: ViewState | null };

/** The masked events replace the payload's: the payload no longer carries them. */
export type MaskedBatch = Omit<DescribedBatch, "payload"> & { payload: Omit<CollectPayload, "events">; events: unknown[]; masking: MaskingReport };

export type ScrubbedPage = NonNullable<ChunkContext["page"]>;

export type ScrubbedBatch = MaskedBatch & { page: ScrubbedPage | null; urlKey: string };

export type CheckedBatch = ScrubbedBatch & { violations: FoundViolation[] };

export type StampedBatch = CheckedBatch & { policyStamp: PolicyStamp };

export type StoredBatch = StampedBatch & {
  /** The chunk as stored (or as found, for a replayed batch). */
  chunk: RecordingChunkDoc;
  duplicate: boolean;
};

export interface ChunkKey {
  tenantId: string;
  siteId: string;
  sessionKey: string;
  pageId: string;
  seq: number;
}
