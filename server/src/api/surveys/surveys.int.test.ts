import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { collections } from "../../db/collections.js";
import { openAuthSession } from "../../domain/auth/authSessions.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../../testing/apiHarness.js";
import { callOverHttp } from "../../testing/httpClient.js";
import { useTestServer } from "../../testing/testServer.js";

const pricingQuestion = { type: "single-choice" as const, label: "Is our pricing clear?", options: ["Yes", "No"] };

describe("surveys API", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  let cookie: string;

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Survey API");
    cookie = `mt_session=${(await openAuthSession(db(), tenant.members.admin._id, new Date())).token}`;
  });

  const createOverHttp = (overrides: Record<string, unknown>) =>
    callOverHttp(
      server.url,
      "surveys.create",
      { tenantId: tenant.tenantId, siteId: tenant.site._id, title: "Pricing", questions: [pricingQuestion], display: { pathPrefix: "/pricing" }, ...overrides },
      { type: "mutation", cookie },
    );

  it("creates, lists, gets, updates and archives a survey, each change audited by id only", async () => {
    const admin = callerAs(db(), tenant.members.admin);
    const created = await admin.surveys.create({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      title: "Checkout",
      intro: "One quick question",
      questions: [pricingQuestion, { type: "free-text", label: "What is your email address?", placeholder: "Optional" }],
      display: { pathPrefix: "/checkout", delaySeconds: 10 },
    });
    expect(created).toMatchObject({
      siteId: tenant.site._id,
      status: "active",
      questions: [
        { type: "single-choice", required: false, options: ["Yes", "No"] },
        { type: "free-text", label: "What is your email address?", placeholder: "Optional", maxLength: null },
      ],
      display: { pathPrefix: "/checkout", delaySeconds: 10 },
      archivedAt: null,
    });
    expect(created.questions[0]?.questionId).toMatch(/^q_[0-9a-z]{10}$/);
    expect(JSON.stringify(created)).not.toContain(tenant.tenantId);

    const analyst = callerAs(db(), tenant.members.analyst);
    expect((await analyst.surveys.list({ tenantId: tenant.tenantId, siteId: tenant.site._id })).map((survey) => survey.surveyId)).toContain(created.surveyId);
    expect(await analyst.surveys.get({ tenantId: tenant.tenantId, surveyId: created.surveyId })).toEqual(created);

    const renamed = await admin.surveys.update({ tenantId: tenant.tenantId, surveyId: created.surveyId, title: "Checkout feedback", questions: [pricingQuestion, { type: "free-text", label: "What is your email address?", placeholder: "Optional" }] });
    expect(renamed.title).toBe("Checkout feedback");
    // The same questions sent again (as a form does) keep their ids.
    expect(renamed.questions.map((question) => question.questionId)).toEqual(created.questions.map((question) => question.questionId));

    const archived = await admin.surveys.archive({ tenantId: tenant.tenantId, surveyId: created.surveyId });
    expect(archived).toMatchObject({ status: "archived", archivedAt: expect.any(String) });
    expect((await analyst.surveys.list({ tenantId: tenant.tenantId, status: "active" })).map((survey) => survey.surveyId)).not.toContain(created.surveyId);
    await expect(admin.surveys.update({ tenantId: tenant.tenantId, surveyId: created.surveyId, title: "Again" })).rejects.toMatchObject({ code: "CONFLICT" });

    const audit = await collections(db()).auditLog.find({ tenantId: tenant.tenantId, "target.id": created.surveyId }).sort({ at: 1 }).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(["survey.create", "survey.update", "survey.archive"]);
    expect(audit[1]?.details).toEqual({ changed: ["title"] });
  });

  it("MS-1.13 validation errors name the field and the limit", async () => {
    const options = Array.from({ length: 11 }, (_unused, index) => `Option ${index + 1}`);
    const tooManyOptions = await createOverHttp({ questions: [pricingQuestion, pricingQuestion, pricingQuestion, { type: "multiple-choice", label: "Pick", options }] });
    expect(tooManyOptions.status).toBe(400);
    expect(tooManyOptions.body.error?.message).toBe("questions.3.options: must list at most 10 options");
    expect(tooManyOptions.body.error?.data.issues).toEqual([{ field: "questions.3.options", message: "must list at most 10 options" }]);

    const tooManyQuestions = await createOverHttp({ questions: Array.from({ length: 11 }, () => pricingQuestion) });
    expect(tooManyQuestions.body.error?.message).toBe("questions: must list at most 10 questions");

    const badPath = await createOverHttp({ display: { pathPrefix: "pricing?plan=pro" } });
    expect(badPath.body.error?.message).toBe("display.pathPrefix: must be a URL path starting with / (no query, fragment or spaces)");

    const overPolicy = await createOverHttp({ questions: [{ type: "free-text", label: "Tell us", maxLength: 5000 }] });
    expect(overPolicy.status).toBe(400);
    expect(overPolicy.body.error?.message).toBe("questions.0.maxLength: must be at most 1000 (the maxAnswerLength of policy mousestats v1)");
    expect(overPolicy.body.error?.data.issues?.map((issue) => issue.field)).toEqual(["questions.0.maxLength"]);
  });

  it("saves a draft, activates it (audited, checked again), and never reactivates an archived survey", async () => {
    const admin = callerAs(db(), tenant.members.admin);
    const draft = await admin.surveys.create({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      title: "Spring draft",
      questions: [pricingQuestion],
      display: { pathPrefix: "/spring", samplePercent: 20, startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-04-01T00:00:00Z" },
      status: "draft",
    });
    expect(draft).toMatchObject({
      status: "draft",
      display: { pathPrefix: "/spring", delaySeconds: 0, samplePercent: 20, startsAt: "2026-03-01T00:00:00.000Z", endsAt: "2026-04-01T00:00:00.000Z" },
    });
    const drafts = await admin.surveys.list({ tenantId: tenant.tenantId, siteId: tenant.site._id, status: "draft" });
    expect(drafts.map((survey) => survey.surveyId)).toEqual([draft.surveyId]);
    // Changing a draft keeps it a draft; dates left out of a new display are open-ended.
    const changed = await admin.surveys.update({ tenantId: tenant.tenantId, surveyId: draft.surveyId, display: { pathPrefix: "/spring" } });
    expect(changed).toMatchObject({ status: "draft", display: { samplePercent: 100, startsAt: null, endsAt: null } });

    const active = await admin.surveys.activate({ tenantId: tenant.tenantId, surveyId: draft.surveyId });
    expect(active.status).toBe("active");
    expect(await admin.surveys.activate({ tenantId: tenant.tenantId, surveyId: draft.surveyId })).toEqual(active);
    await admin.surveys.archive({ tenantId: tenant.tenantId, surveyId: draft.surveyId });
    await expect(admin.surveys.activate({ tenantId: tenant.tenantId, surveyId: draft.surveyId })).rejects.toMatchObject({ code: "CONFLICT" });
    const audit = await collections(db()).auditLog.find({ tenantId: tenant.tenantId, "target.id": draft.surveyId }).sort({ at: 1 }).toArray();
    expect(audit.map((entry) => entry.action)).toEqual(["survey.create", "survey.update", "survey.activate", "survey.archive"]);
  });

  it("MS-1.13 refuses a sampling share or dates out of range, naming the field", async () => {
    const noViews = await createOverHttp({ display: { pathPrefix: "/", samplePercent: 0 } });
    expect(noViews.body.error?.message).toBe("display.samplePercent: must be at least 1");
    const backwards = await createOverHttp({ display: { pathPrefix: "/", startsAt: "2026-03-02T00:00:00Z", endsAt: "2026-03-01T00:00:00Z" } });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.data.issues).toEqual([{ field: "display.endsAt", message: "must be after display.startsAt" }]);
    const notADate = await createOverHttp({ display: { pathPrefix: "/", startsAt: "next monday" } });
    expect(notADate.body.error?.data.issues?.map((issue) => issue.field)).toEqual(["display.startsAt"]);
  });

  it("MS-1.13 refuses a survey whose own texts carry PII, naming every field, and stores nothing", async () => {
    const before = await collections(db()).surveys.countDocuments({ tenantId: tenant.tenantId });
    const response = await createOverHttp({
      intro: "Questions? Call 020 7946 0958",
      questions: [
        { type: "single-choice", label: "Contact preference", options: ["By post", "Email jane.doe@example.com"] },
        { type: "free-text", label: "Your email address?", placeholder: "jane.doe@example.com" },
      ],
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.data.issues).toEqual([
      { field: "intro", message: "must not contain personal data (found a phone number)" },
      { field: "questions.0.options.1", message: "must not contain personal data (found an email address)" },
      { field: "questions.1.placeholder", message: "must not contain personal data (found an email address)" },
    ]);
    expect(await collections(db()).surveys.countDocuments({ tenantId: tenant.tenantId })).toBe(before);
  });

  it("MS-1.13 freezes a survey's questions once it has responses, but not its title", async () => {
    const admin = callerAs(db(), tenant.members.admin);
    const survey = await admin.surveys.create({ tenantId: tenant.tenantId, siteId: tenant.site._id, title: "Frozen", questions: [pricingQuestion], display: { pathPrefix: "/" } });
    await analyticsCollections(db()).surveyResponses.insertOne({
      tenantId: tenant.tenantId,
      siteId: tenant.site._id,
      surveyId: survey.surveyId,
      responseId: "response-for-the-freeze-test",
      visitorKey: null,
      receivedAt: new Date(),
      answers: [{ questionId: survey.questions[0]!.questionId, choices: ["Yes"] }],
      hasFreeText: false,
      policy: { id: "mousestats", version: 1 },
      violationCount: 0,
    });
    const change = admin.surveys.update({ tenantId: tenant.tenantId, surveyId: survey.surveyId, questions: [{ ...pricingQuestion, options: ["Yes", "No", "Not sure"] }] });
    await expect(change).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("questions: this survey already has responses") });
    expect((await admin.surveys.update({ tenantId: tenant.tenantId, surveyId: survey.surveyId, title: "Still frozen" })).title).toBe("Still frozen");
    // The list says how many answered each survey.
    const listed = await admin.surveys.list({ tenantId: tenant.tenantId, siteId: tenant.site._id });
    expect(listed.find((entry) => entry.surveyId === survey.surveyId)?.responses).toBe(1);
    expect(listed.find((entry) => entry.surveyId === tenant.surveyId)?.responses).toBe(0);
  });

  it("lets analysts read surveys and results but not change them; compliance officers see no surveys", async () => {
    const analyst = callerAs(db(), tenant.members.analyst);
    const change = analyst.surveys.update({ tenantId: tenant.tenantId, surveyId: tenant.surveyId, title: "Analyst edit" });
    await expect(change).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await analyst.surveys.results({ tenantId: tenant.tenantId, surveyId: tenant.surveyId })).responses).toBe(0);
    const compliance = callerAs(db(), tenant.members.compliance);
    await expect(compliance.surveys.list({ tenantId: tenant.tenantId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const readOnlyKey = await tenant.keyWithScopes(["reports:read"]);
    await expect(callerAs(db(), readOnlyKey).surveys.create({ tenantId: tenant.tenantId, siteId: tenant.site._id, title: "Key", questions: [pricingQuestion], display: { pathPrefix: "/" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
