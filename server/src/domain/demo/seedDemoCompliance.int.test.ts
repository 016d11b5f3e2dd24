import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections, type UserDoc } from "../../db/collections.js";
import { visitorKeySecretOf } from "../sites/siteScopedKey.js";
import { callerAs } from "../../testing/apiHarness.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { seedDemo, type DemoLogin } from "./seedDemo.js";
import { demoSurveyTitle, seedDemoCompliance } from "./seedDemoCompliance.js";
import { deriveStoredChunks } from "../../testing/derivation.js";
import { seedDemoData } from "./seedDemoData.js";

const origin = "http://localhost:8080";
const visitorKeySecret = visitorKeySecretOf("seed-demo-compliance-test-session-secret");

/**
 * The demo site starts with something real on every compliance screen, read here through the
 * procedures the console calls, as the demo's admin.
 */
describe("seedDemoCompliance: the compliance side of the demo", () => {
  const database = useTestDatabase();
  const db = () => database.db;
  const now = new Date("2026-03-02T12:00:00Z");
  let demo: DemoLogin;
  let admin: UserDoc;
  const caller = () => callerAs(db(), admin);
  const tenant = () => ({ tenantId: demo.tenantId });

  beforeAll(async () => {
    demo = (await seedDemo(db(), { allowedOrigins: [origin], now }))!;
    admin = (await collections(db()).users.findOne({ email: demo.email }))!;
    // Nothing to show before the demo visits exist: it waits for them, and is tried again.
    expect(await seedDemoCompliance(db(), { now, visitorKeySecret })).toBeNull();
    await seedDemoData(db(), { siteKey: demo.siteKey, now, visitorKeySecret, visits: 20 });
    // What the server does between the two (main.ts): the visits' sessions are derived.
    await deriveStoredChunks(db());
    const seeded = await seedDemoCompliance(db(), { now, visitorKeySecret });
    expect(seeded).toMatchObject({ optedOutVisitors: 3, surveyResponses: 4, erasure: { surveyResponses: 1 } });
    expect(seeded!.erasure!.sessions).toBeGreaterThan(0);
  });

  it("MS-4.1 shows visitors who opted out, the erased one included", async () => {
    const optOuts = await caller().compliance.optOuts({ ...tenant(), siteId: demo.siteId });
    expect(optOuts.total).toBe(4);
  });

  it("MS-1.13 MS-1.7 shows a survey with answers, one redacted, and its violation without the value", async () => {
    const [survey] = await caller().surveys.list({ ...tenant(), siteId: demo.siteId });
    expect(survey?.title).toBe(demoSurveyTitle);
    const results = await caller().surveys.results({ ...tenant(), surveyId: survey!.surveyId });
    // Four answered; the erased visitor's answer went with the erasure.
    expect(results.responses).toBe(3);
    const texts = results.freeText.entries.flatMap((entry) => entry.answers.map((answer) => answer.text));
    expect(texts.some((text) => text.includes("[redacted:email]"))).toBe(true);
    expect(JSON.stringify(results)).not.toContain("jane.roe");

    const { violations } = await caller().compliance.violations({ ...tenant(), siteId: demo.siteId });
    expect(violations).toContainEqual(expect.objectContaining({ kind: "email", location: expect.stringMatching(/^surveys\.srv_/) }));
    expect(JSON.stringify(violations)).not.toContain("jane.roe");
  });

  it("MS-4.3 shows an open complaint ticket", async () => {
    const { complaints } = await caller().complaints.list(tenant());
    expect(complaints).toHaveLength(1);
    expect(complaints[0]).toMatchObject({ status: "open", category: "recording-concern" });
  });

  it("MS-3.3 shows a finished erasure in the audit log, and the erased visitor's data is gone", async () => {
    const { entries } = await caller().audit.list({ ...tenant(), limit: 200 });
    const erasures = entries.filter((entry) => entry.action === "visitor.erase");
    expect(erasures).toHaveLength(1);
    expect(erasures[0]?.details).toMatchObject({ counts: { surveyResponses: 1 }, optOut: "recorded" });
    expect(entries.filter((entry) => entry.action === "visitor.optOut")).toHaveLength(3);
    expect(entries.filter((entry) => entry.action === "complaint.receive")).toHaveLength(1);
  });

  it("runs once: a second start, and a start resuming a seeding cut short, make nothing twice", async () => {
    const counts = async () => ({
      surveys: await collections(db()).surveys.countDocuments({ tenantId: demo.tenantId }),
      responses: await analyticsCollections(db()).surveyResponses.countDocuments({ tenantId: demo.tenantId }),
      optOuts: await analyticsCollections(db()).optOuts.countDocuments({ tenantId: demo.tenantId }),
      complaints: await collections(db()).complaints.countDocuments({ tenantId: demo.tenantId }),
      audit: await collections(db()).auditLog.countDocuments({ tenantId: demo.tenantId }),
      violations: await analyticsCollections(db()).piiViolations.countDocuments({ tenantId: demo.tenantId }),
    });
    const before = await counts();
    expect(await seedDemoCompliance(db(), { now, visitorKeySecret })).toBeNull();
    expect(await counts()).toEqual(before);

    // A process that died after its last step but before marking the work done: the lease ran out.
    await collections(db()).meta.updateOne({ _id: "demoCompliance" }, { $set: { status: "pending", leaseUntil: new Date(now.getTime() - 1) } });
    expect(await seedDemoCompliance(db(), { now, visitorKeySecret })).toMatchObject({ erasure: null });
    expect(await counts()).toEqual(before);
  });
});
