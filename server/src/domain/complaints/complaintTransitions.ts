import type { ComplaintStatus } from "../../db/collections.js";

/**
 * How a ticket moves (MS-4.3). A new complaint is `open`; work on it is `in-progress`; one that
 * cannot be resolved with the complainant goes to a regulatory authority; `resolved` and
 * `closed` end it and may be reopened. Nothing returns to `open`.
 */
export const complaintTransitions: Readonly<Record<ComplaintStatus, readonly ComplaintStatus[]>> = {
  open: ["in-progress", "escalated-to-authority", "resolved", "closed"],
  "in-progress": ["escalated-to-authority", "resolved", "closed"],
  "escalated-to-authority": ["in-progress", "resolved", "closed"],
  resolved: ["in-progress", "closed"],
  closed: ["in-progress"],
};

export function canMove(from: ComplaintStatus, to: ComplaintStatus): boolean {
  return complaintTransitions[from].includes(to);
}
