import type { Db } from "mongodb";
import { collections } from "../../db/collections.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { recordAudit } from "../audit/recordAudit.js";
import { closedComplaintRetentionDays, closedComplaintStatuses } from "./complaintRetention.js";

const retentionActor = { type: "system", id: "complaint-retention" } as const;

/**
 * MS-4.3 retention (complaintRetention.ts): deletes every complaint, of every tenant, whose
 * ticket was resolved or closed more than the retention period ago, with the complainant's
 * details in it. Run periodically by the background work loop; safe in several processes at
 * once and after a crash (each step is idempotent). Each deletion is audited first, with the
 * ticket id only, so an interrupted run still leaves its record. Returns how many it deleted.
 */
export async function purgeClosedComplaints(db: Db, now: Date): Promise<number> {
  const complaints = collections(db).complaints;
  const due = { status: { $in: [...closedComplaintStatuses] }, deleteAfter: { $lte: now } };
  let purged = 0;
  for (;;) {
    const batch = await complaints.find(due, { projection: { _id: 1, tenantId: 1, status: 1 } }).limit(500).toArray();
    if (batch.length === 0) return purged;
    for (const complaint of batch) {
      await recordAudit(
        { scope: tenantScope(db, complaint.tenantId), actor: retentionActor, now },
        "complaint.purge",
        { type: "complaint", id: complaint._id },
        { status: complaint.status, retentionDays: closedComplaintRetentionDays },
      );
      // The same conditions again: a ticket reopened meanwhile is not deleted (nor found again).
      const result = await complaints.deleteOne({ _id: complaint._id, ...due });
      purged += result.deletedCount;
    }
  }
}
