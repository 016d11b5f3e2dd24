import type { Db } from "mongodb";
import type { ComplaintStatus } from "../../db/collections.js";
import { complaintQueuePage, type ComplaintPage } from "./complaintQueuePage.js";

/**
 * For platform staff only (their procedure audits every call): complaints of every tenant, or of
 * one. Callers must not show the complainant's details; staff see that complaints exist and how
 * they are handled, not who made them.
 */
export function listAllComplaints(
  db: Db,
  options: { tenantId?: string | undefined; status?: ComplaintStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<ComplaintPage> {
  return complaintQueuePage(db, options.tenantId ?? null, options);
}
