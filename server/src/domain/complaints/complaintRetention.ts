import type { ComplaintStatus } from "../../db/collections.js";

/**
 * MS-4.3 retention: a complaint holds the complainant's name, email and message, given only so
 * the complaint can be handled. Once its ticket is resolved or closed the record is kept for
 * 365 days (long enough for a follow-up from the complainant or an inquiry from a data
 * protection authority) and then deleted entirely by `purgeClosedComplaints`. Reopening the
 * ticket cancels the deletion; a ticket escalated to an authority is never deleted while open.
 */
export const closedComplaintRetentionDays = 365;

export const closedComplaintStatuses: readonly ComplaintStatus[] = ["resolved", "closed"];

export function isClosedStatus(status: ComplaintStatus): boolean {
  return closedComplaintStatuses.includes(status);
}

export function deleteAfterOf(closedAt: Date): Date {
  return new Date(closedAt.getTime() + closedComplaintRetentionDays * 24 * 60 * 60 * 1000);
}

export const retentionStatement = `Deleted ${closedComplaintRetentionDays} days after the ticket is resolved or closed (unless it is reopened)`;
