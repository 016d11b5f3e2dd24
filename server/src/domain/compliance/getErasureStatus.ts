import type { ErasureDoc, ErasureState } from "../../db/complianceCollections.js";
import { notFound } from "../../errors/appError.js";
import { findErasure, listErasures } from "../../repositories/erasureRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";
import type { VisitorErasureReceiptDocument } from "./buildErasureReceipt.js";
import { erasedKinds, type ErasedKind } from "./eraseVisitor.js";

/** Where an erasure stands, in the compliance officer's words. */
export type ErasureProgress = "requested" | "running" | "final-pass" | "done";

export interface ErasureStatus {
  erasureId: string;
  siteId: string;
  state: ErasureState;
  progress: ErasureProgress;
  requestedAt: Date;
  fencedAt: Date | null;
  /** When the final pass is due (or was): the longest a batch can be in flight after the fence. */
  finalPassAfter: Date | null;
  doneAt: Date | null;
  counts: Record<ErasedKind, number>;
  interruptions: { detectedAt: Date; state: ErasureState; reason: string }[];
  receipt: VisitorErasureReceiptDocument | null;
  receiptSha256: string | null;
}

const progressOf: Record<ErasureState, ErasureProgress> = { requested: "requested", erasing: "running", finalPass: "final-pass", sealed: "final-pass", done: "done" };

/** MS-4.1: one erasure of the tenant, with its receipt once sealed. Never the visitor key. */
export async function getErasureStatus(scope: TenantScope, erasureId: string): Promise<ErasureStatus> {
  const erasure = await findErasure(scope, erasureId);
  if (!erasure) throw notFound("Erasure");
  return erasureStatusOf(erasure);
}

/** The tenant's latest erasures, newest first; of one of its sites (another tenant's site is not found). */
export async function listErasureStatuses(scope: TenantScope, options: { limit: number; siteId?: string | undefined }): Promise<ErasureStatus[]> {
  if (options.siteId) await getSite(scope, options.siteId);
  return (await listErasures(scope, options)).map(erasureStatusOf);
}

export function erasureStatusOf(erasure: ErasureDoc): ErasureStatus {
  return {
    erasureId: erasure._id,
    siteId: erasure.siteId,
    state: erasure.state,
    progress: progressOf[erasure.state],
    requestedAt: erasure.requestedAt,
    fencedAt: erasure.fencedAt,
    finalPassAfter: erasure.finalPassAfter,
    doneAt: erasure.doneAt,
    counts: Object.fromEntries(erasedKinds.map((kind) => [kind, erasure.counts[kind] ?? 0])) as Record<ErasedKind, number>,
    interruptions: erasure.interruptions.map((entry) => ({ ...entry })),
    receipt: erasure.state === "sealed" || erasure.state === "done" ? (erasure.receipt as unknown as VisitorErasureReceiptDocument | null) : null,
    receiptSha256: erasure.state === "sealed" || erasure.state === "done" ? erasure.receiptSha256 : null,
  };
}
