import type { Db, ObjectId } from "mongodb";
import type { AuditActor } from "./collections.js";

/**
 * Compliance records: kept apart from the configuration and analytics collections because they
 * are what a tenant shows a regulator, and they outlive the data they are about (a purge's
 * receipt must survive the purge).
 */

export type PurgeState = "pending" | "deleting" | "verified" | "done";

export interface PurgeCollectionProgress {
  state: "pending" | "deleting" | "deleted";
  /** Documents of the tenant this purge selected and deleted from the collection. */
  removed: number;
}

/**
 * MS-1.7: the signed statement of a finished purge. Everything in it is plain JSON (dates as ISO
 * strings) so that its canonical JSON, and so its digest, is the same wherever it is read.
 */
export interface PurgeReceipt {
  receipt: "mousetrail.analytics-purge";
  receiptVersion: 1;
  purgeId: string;
  tenantId: string;
  tenantName: string;
  /** null: every site of the tenant. */
  siteId: string | null;
  siteName: string | null;
  requestedBy: { type: AuditActor["type"]; id: string; platformStaff: boolean };
  requestedVia: "tenant" | "platform";
  reason: string;
  requestedAt: string;
  startedAt: string;
  /** When the verification pass counted zero remaining documents in every collection below. */
  finishedAt: string;
  removed: { collection: string; documentsRemoved: number; remainingAtVerification: number }[];
  kept: { collection: string; documents: number; reason: string }[];
  /** Each run that stopped before the end and was resumed (a crash, an error, data still arriving); absent on receipts sealed before it was kept. */
  interruptions?: { detectedAt: string; state: string; reason: string }[];
  statement: string;
}

export interface PurgeDoc {
  /** `prg_…` */
  _id: string;
  tenantId: string;
  siteId: string | null;
  /** Names as they were when the purge was asked for, for the receipt. */
  subject: { tenantName: string; siteName: string | null };
  /**
   * `<tenantId>:<siteId or *>` until the purge is done; unique (sparse), so one scope has at
   * most one purge in progress and asking again returns it.
   */
  activeKey?: string;
  state: PurgeState;
  requestedBy: AuditActor;
  requestedVia: "tenant" | "platform";
  reason: string;
  requestedAt: Date;
  startedAt: Date | null;
  /** One entry per collection a purge deletes from, in deletion order. */
  collections: Record<string, PurgeCollectionProgress>;
  /**
   * The batch being deleted: its ids are written before the delete, so a process that dies
   * between deleting and counting leaves enough for the next one to count it.
   */
  batch: { collection: string; ids: ObjectId[] } | null;
  /** The process working on the purge, until when; null when nobody is. */
  lease: { owner: string; until: Date } | null;
  attempts: number;
  /** Why the last run stopped before the end (data still arriving, an error); null otherwise. */
  lastInterruption: string | null;
  /** Every run that stopped before the end, recorded by the run that resumed it (absent on purges from before). */
  interruptions?: { detectedAt: Date; state: PurgeState; reason: string }[];
  receipt: PurgeReceipt | null;
  /** SHA-256 (hex) of the receipt's canonical JSON. */
  receiptSha256: string | null;
  doneAt: Date | null;
}

/**
 * A public key that has signed receipts (domain/receipts). Every server process registers its
 * key at start and none is ever removed, so receipts signed before a rotation still verify.
 */
export interface ReceiptKeyDoc {
  /** SHA-256 (hex) of the raw public key. */
  _id: string;
  algorithm: "Ed25519";
  /** The raw 32-byte public key, base64url. */
  publicKey: string;
  firstUsedAt: Date;
}

/**
 * A visitor erasure as a durable job (MS-4.1, domain/compliance/workOnErasure.ts):
 * requested → erasing (fence written, then each kind deleted in batches) → finalPass (waiting
 * for the batches in flight at the fence, then deleting again) → sealed (receipt written) → done
 * (audited). Resumable at every state by any server process, like a purge.
 */
export type ErasureState = "requested" | "erasing" | "finalPass" | "sealed" | "done";

/** A run that stopped without finishing, found by the run that took the job over. */
export interface ErasureInterruption {
  /** When the run that resumed the job found it. */
  detectedAt: Date;
  /** The state the job was left in. */
  state: ErasureState;
  /** Why: a lease that ran out (the process died or hung), or the error the run stopped on. */
  reason: string;
}

export interface ErasureDoc {
  /** `ers_…`, also the receipt's id. */
  _id: string;
  tenantId: string;
  siteId: string;
  siteName: string;
  /** The site-scoped visitor key (MS-2.3): never the visitor id the request quoted. */
  visitorKey: string;
  /** `<tenantId>:<siteId>:<visitorKey>` until done; unique (sparse): asking again returns the job in progress. */
  activeKey?: string;
  state: ErasureState;
  requestedBy: AuditActor;
  requestedAt: Date;
  /** How long a batch may be in flight on the requesting process (domain/compliance/batchInFlight.ts). */
  batchInFlightMs: number;
  /** Set with the fence: when it was written, whether the opt-out was new, when the final pass may start. */
  fencedAt: Date | null;
  optOut: "recorded" | "already-recorded" | null;
  finalPassAfter: Date | null;
  finalPassAt: Date | null;
  /** Documents deleted per kind, over every pass. */
  counts: Record<string, number>;
  /** Kinds finished in the current pass. */
  erased: string[];
  /** The batch being deleted: ids written before the delete, so a crash between the two is still counted. */
  batch: { kind: string; ids: ObjectId[] } | null;
  lease: { owner: string; until: Date } | null;
  attempts: number;
  interruptions: ErasureInterruption[];
  /** The error the last run stopped on, until a run resumes the job. */
  lastFailure?: string | null;
  receipt: Record<string, unknown> | null;
  receiptSha256: string | null;
  doneAt: Date | null;
}

export function complianceCollections(db: Db) {
  return {
    purges: db.collection<PurgeDoc>("purges"),
    erasures: db.collection<ErasureDoc>("erasures"),
    receiptKeys: db.collection<ReceiptKeyDoc>("receiptKeys"),
  };
}
