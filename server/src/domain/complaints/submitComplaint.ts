import type { Db } from "mongodb";
import type { ComplaintCategory, ComplaintDoc, SiteDoc } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { insertComplaint } from "../../repositories/complaintRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { recordAudit } from "../audit/recordAudit.js";
import { assertWithinRateLimit, countRateLimitHit, type RateLimitRule } from "../auth/rateLimit.js";
import { newComplaintReference } from "./complaintReference.js";

/** Complaints accepted per client address (keyed hash) and hour: enough for a person, not for a flood. */
export const complaintsPerClient: RateLimitRule = { bucket: "complaint-client", limit: 5, windowSeconds: 3600 };

export interface ComplaintSubmission {
  name: string;
  email: string;
  category: ComplaintCategory;
  message: string;
}

const formActor = { type: "system", id: "complaint-form" } as const;

/**
 * MS-4.3: a complaint posted through a site's public form becomes an open ticket in the site's
 * tenant's queue. The complainant's details are stored in the ticket only; the audit entry
 * carries ids and status, never who complained or what they wrote.
 */
export async function submitComplaint(input: {
  db: Db;
  site: SiteDoc;
  clientKey: string;
  submission: ComplaintSubmission;
  now: Date;
  /** Chosen by a caller that must find its ticket again after a crash (the demo seeding); new otherwise. */
  complaintId?: string;
}): Promise<ComplaintDoc> {
  const { db, site, now } = input;
  await assertWithinRateLimit(db, complaintsPerClient, input.clientKey, now);
  await countRateLimitHit(db, complaintsPerClient, input.clientKey, now);
  const scope = tenantScope(db, site.tenantId);
  const complaint = await insertWithFreshReference(scope, {
    _id: input.complaintId ?? newId("complaint"),
    siteId: site._id,
    reference: "",
    complainant: { name: input.submission.name, email: input.submission.email },
    category: input.submission.category,
    message: input.submission.message,
    status: "open",
    responses: [],
    statusHistory: [{ from: null, to: "open", at: now, by: formActor }],
    escalation: null,
    receivedAt: now,
    updatedAt: now,
    closedAt: null,
    deleteAfter: null,
  });
  await recordAudit({ scope, actor: formActor, now }, "complaint.receive", { type: "complaint", id: complaint._id }, { siteId: site._id, status: "open" });
  return complaint;
}

async function insertWithFreshReference(scope: ReturnType<typeof tenantScope>, complaint: Omit<ComplaintDoc, "tenantId">): Promise<ComplaintDoc> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await insertComplaint(scope, { ...complaint, reference: newComplaintReference() });
    } catch (error) {
      // 32^8 references make a clash rare; a second one in a row would mean something else is wrong.
      if ((error as { code?: number }).code !== 11000 || attempt >= 3) throw error;
    }
  }
}
