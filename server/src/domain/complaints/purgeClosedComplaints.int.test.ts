import { describe, expect, it } from "vitest";
import { collections } from "../../db/collections.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { createTenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import type { TenantCall } from "../tenantCall.js";
import { respondToComplaint } from "./respondToComplaint.js";
import { purgeClosedComplaints } from "./purgeClosedComplaints.js";
import { setComplaintStatus } from "./setComplaintStatus.js";
import { submitComplaint } from "./submitComplaint.js";

const day = 24 * 60 * 60 * 1000;

describe("purgeClosedComplaints (MS-4.3 retention)", () => {
  const database = useTestDatabase();

  it("MS-4.3 deletes complaints resolved or closed more than 365 days ago, with their details, and nothing else", async () => {
    const db = database.db;
    const tenant = await createTenantFixture(db, "Retention");
    const now = new Date();
    const callAt = (at: Date): TenantCall => ({ scope: tenantScope(db, tenant.tenantId), actor: { type: "user", id: tenant.members.compliance._id, platform: false }, now: at });
    const complaintAt = async (at: Date, message: string) =>
      (await submitComplaint({ db, site: tenant.site, clientKey: `retention-${message}`, submission: { name: "Old Complainant", email: "old@example.org", category: "other", message }, now: at }))._id;
    const closeAt = async (id: string, at: Date, status: "closed" | "resolved" = "closed") => {
      await respondToComplaint(callAt(at), id, { channel: "email", message: "Answered" });
      await setComplaintStatus(callAt(at), id, { status });
    };

    const longClosed = await complaintAt(new Date(now.getTime() - 500 * day), "long closed");
    await closeAt(longClosed, new Date(now.getTime() - 366 * day));
    const longResolved = await complaintAt(new Date(now.getTime() - 500 * day), "long resolved");
    await closeAt(longResolved, new Date(now.getTime() - 400 * day), "resolved");
    const recentlyClosed = await complaintAt(new Date(now.getTime() - 500 * day), "recently closed");
    await closeAt(recentlyClosed, new Date(now.getTime() - 364 * day));
    const reopened = await complaintAt(new Date(now.getTime() - 500 * day), "reopened");
    await closeAt(reopened, new Date(now.getTime() - 400 * day));
    await setComplaintStatus(callAt(new Date(now.getTime() - 10 * day)), reopened, { status: "in-progress" });
    const escalated = await complaintAt(new Date(now.getTime() - 800 * day), "escalated");
    await setComplaintStatus(callAt(new Date(now.getTime() - 700 * day)), escalated, { status: "escalated-to-authority", authority: "CNIL" });
    const open = await complaintAt(new Date(now.getTime() - 900 * day), "open");

    expect(await purgeClosedComplaints(db, now)).toBe(2);
    const left = (await collections(db).complaints.find({ tenantId: tenant.tenantId }).toArray()).map((complaint) => complaint._id);
    expect(left).not.toContain(longClosed);
    expect(left).not.toContain(longResolved);
    for (const kept of [recentlyClosed, reopened, escalated, open, tenant.complaintId]) expect(left).toContain(kept);
    expect(await collections(db).complaints.countDocuments({ message: { $in: ["long closed", "long resolved"] } })).toBe(0);

    const audit = await collections(db).auditLog.find({ tenantId: tenant.tenantId, action: "complaint.purge" }).toArray();
    expect(audit.map((entry) => entry.target.id).sort()).toEqual([longClosed, longResolved].sort());
    expect(audit[0]).toMatchObject({ actor: { type: "system", id: "complaint-retention" }, details: { status: expect.any(String), retentionDays: 365 } });
    expect(JSON.stringify(audit)).not.toContain("Old Complainant");

    // Idempotent: nothing more is due, so a second run (or another process) deletes nothing.
    expect(await purgeClosedComplaints(db, now)).toBe(0);
    // A day later the one closed 364 days ago is due too.
    expect(await purgeClosedComplaints(db, new Date(now.getTime() + 2 * day))).toBe(1);
  });
});
