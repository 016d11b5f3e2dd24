import { beforeEach, describe, expect, it } from "vitest";
import { collections, type UserDoc } from "../../db/collections.js";
import { submitComplaint } from "../../domain/complaints/submitComplaint.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";

const complainant = { name: "Rosalind Complainant", email: "rosalind.complainant@example.org", category: "recording-concern" as const, message: "Were my keystrokes recorded on the checkout page?" };

describe("complaint queue (MS-4.3)", () => {
  const database = useTestDatabase();
  const db = () => database.db;
  let tenant: TenantFixture;
  let complaintId: string;
  let officer: ReturnType<typeof callerAs>;

  beforeEach(async () => {
    tenant = await createTenantFixture(db(), "Queue");
    const complaint = await submitComplaint({ db: db(), site: tenant.site, clientKey: `queue-${tenant.tenantId}`, submission: complainant, now: new Date() });
    complaintId = complaint._id;
    officer = callerAs(db(), tenant.members.compliance);
  });

  const auditOf = (id: string) => collections(db()).auditLog.find({ tenantId: tenant.tenantId, "target.id": id }).sort({ at: 1, _id: 1 }).toArray();

  it("MS-4.3 refuses to resolve or close a complaint before a response to the complainant is recorded", async () => {
    for (const status of ["closed", "resolved"] as const) {
      const attempt = officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status });
      await expect(attempt).rejects.toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining("cannot be resolved or closed before a response to the complainant has been recorded"),
      });
    }
    const ticket = await officer.complaints.get({ tenantId: tenant.tenantId, complaintId });
    expect(ticket).toMatchObject({ status: "open", responses: [], retention: { closedAt: null, deleteAfter: null } });
    expect((await auditOf(complaintId)).map((entry) => entry.action)).toEqual(["complaint.receive"]);
  });

  it("MS-4.3 records each response (who, when, channel, text) and each status change, audited without the complainant's data", async () => {
    const responded = await officer.complaints.respond({ tenantId: tenant.tenantId, complaintId, channel: "email", message: "Dear Rosalind, no keystrokes were recorded; here is what was." });
    expect(responded.status).toBe("in-progress");
    expect(responded.responses).toEqual([
      {
        responseId: expect.stringMatching(/^rsp_/),
        at: expect.any(String),
        by: { type: "user", id: tenant.members.compliance._id },
        channel: "email",
        message: "Dear Rosalind, no keystrokes were recorded; here is what was.",
      },
    ]);
    const phoned = await callerAs(db(), tenant.members.owner).complaints.respond({ tenantId: tenant.tenantId, complaintId, channel: "phone", message: "Called to confirm the deletion." });
    expect(phoned.responses.map((response) => [response.channel, response.by.id])).toEqual([
      ["email", tenant.members.compliance._id],
      ["phone", tenant.members.owner._id],
    ]);

    const closed = await officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "closed" });
    expect(closed.status).toBe("closed");
    expect(closed.statusHistory.map((change) => [change.from, change.to])).toEqual([
      [null, "open"],
      ["open", "in-progress"],
      ["in-progress", "closed"],
    ]);
    const closedAt = new Date(closed.retention.closedAt!);
    expect(new Date(closed.retention.deleteAfter!).getTime() - closedAt.getTime()).toBe(365 * 24 * 60 * 60 * 1000);
    expect(closed.retention.statement).toContain("365 days after the ticket is resolved or closed");

    const audit = await auditOf(complaintId);
    expect(audit.map((entry) => [entry.action, entry.actor.id])).toEqual([
      ["complaint.receive", "complaint-form"],
      ["complaint.respond", tenant.members.compliance._id],
      ["complaint.respond", tenant.members.owner._id],
      ["complaint.setStatus", tenant.members.compliance._id],
    ]);
    expect(audit[1]?.details).toEqual({ responseId: responded.responses[0]?.responseId, status: "in-progress" });
    expect(audit[3]?.details).toEqual({ from: "in-progress", to: "closed" });
    const auditText = JSON.stringify(audit);
    for (const value of ["Rosalind", complainant.email, "keystrokes", "Called to confirm", "recording-concern"]) expect(auditText).not.toContain(value);
  });

  it("MS-4.3 escalating to a regulatory authority names the authority", async () => {
    const unnamed = officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "escalated-to-authority" });
    await expect(unnamed).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("authority:") });
    const escalated = await officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "escalated-to-authority", authority: "Information Commissioner's Office" });
    expect(escalated).toMatchObject({ status: "escalated-to-authority", escalatedTo: "Information Commissioner's Office", escalation: { authority: "Information Commissioner's Office" } });
    expect(escalated.retention.deleteAfter).toBeNull();
    const stray = officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "in-progress", authority: "Someone" });
    await expect(stray).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses moves the workflow does not have, and reopening stops the deletion clock", async () => {
    await officer.complaints.respond({ tenantId: tenant.tenantId, complaintId, channel: "letter", message: "Letter sent." });
    await officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "resolved" });
    await expect(officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "open" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "A complaint cannot go from resolved to open",
    });
    const reopened = await officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "in-progress" });
    expect(reopened.retention).toMatchObject({ closedAt: null, deleteAfter: null });
    // Setting the status a ticket already has changes nothing and is not audited again.
    const before = (await auditOf(complaintId)).length;
    await officer.complaints.setStatus({ tenantId: tenant.tenantId, complaintId, status: "in-progress" });
    expect(await auditOf(complaintId)).toHaveLength(before);
  });

  it("is for owners and compliance officers only (and API keys with compliance:write)", async () => {
    for (const role of ["admin", "analyst"] as const) {
      await expect(callerAs(db(), tenant.members[role]).complaints.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const reportsKey = await tenant.keyWithScopes(["reports:read"]);
    await expect(callerAs(db(), reportsKey).complaints.get({ tenantId: tenant.tenantId, complaintId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const complianceKey = await tenant.keyWithScopes(["compliance:write"]);
    expect((await callerAs(db(), complianceKey).complaints.get({ tenantId: tenant.tenantId, complaintId })).complaintId).toBe(complaintId);
  });

  it("pages through the queue newest first and filters by status", async () => {
    for (let index = 0; index < 3; index++) {
      await submitComplaint({ db: db(), site: tenant.site, clientKey: `page-${tenant.tenantId}`, submission: { ...complainant, message: `Complaint ${index}` }, now: new Date(Date.now() + (index + 1) * 1000) });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await officer.complaints.list({ tenantId: tenant.tenantId, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...page.complaints.map((complaint) => complaint.complaintId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    await officer.complaints.respond({ tenantId: tenant.tenantId, complaintId, channel: "email", message: "Hello" });
    const inProgress = await officer.complaints.list({ tenantId: tenant.tenantId, status: "in-progress" });
    expect(inProgress.complaints.map((complaint) => complaint.complaintId)).toEqual([complaintId]);
  });

  it("MS-4.3 platform staff see every tenant's complaints without the complainants' details, and the look is audited", async () => {
    const other = await createTenantFixture(db(), "Queue other");
    const staff: UserDoc = { ...tenant.members.admin, platform: true };
    await collections(db()).users.updateOne({ _id: staff._id }, { $set: { platform: true } });
    const page = await callerAs(db(), staff).platform.complaints.list({ limit: 200 });
    const tenants = new Set(page.complaints.map((complaint) => complaint.tenantId));
    expect(tenants).toContain(tenant.tenantId);
    expect(tenants).toContain(other.tenantId);
    const text = JSON.stringify(page);
    for (const value of ["Rosalind", complainant.email, "keystrokes", "complainant-"]) expect(text).not.toContain(value);

    const onlyOther = await callerAs(db(), staff).platform.complaints.list({ tenantId: other.tenantId, limit: 10 });
    expect(onlyOther.complaints.map((complaint) => complaint.tenantId)).toEqual([other.tenantId]);
    const audited = await collections(db()).auditLog.findOne({ tenantId: other.tenantId, action: "platform.complaints.list" });
    expect(audited).toMatchObject({ actor: { type: "user", id: staff._id, platform: true } });

    await expect(callerAs(db(), tenant.members.compliance).platform.complaints.list({ limit: 10 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
