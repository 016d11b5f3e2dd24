import { randomBytes } from "node:crypto";
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import type { Db } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { collections, type SiteDoc, type SurveyDoc } from "../db/collections.js";
import { publishPolicyVersion } from "../domain/privacy/publishPolicyVersion.js";
import { createSite } from "../domain/sites/createSite.js";
import { archiveSurvey } from "../domain/surveys/archiveSurvey.js";
import { createSurvey } from "../domain/surveys/createSurvey.js";
import type { QuestionDefinition } from "../domain/surveys/surveyDefinition.js";
import type { ActiveSurveys, SurveyAnswersPayload } from "../domain/surveys/surveyWire.schema.js";
import { siteScopedKey, visitorKeySecretOf } from "../domain/sites/siteScopedKey.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { callerAs, createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { randomRecorderId } from "../testing/collectClient.js";
import { useTestServer } from "../testing/testServer.js";

const sessionSecret = "test-session-secret-test-session-secret";

const questions: QuestionDefinition[] = [
  { type: "single-choice", label: "How did you find us?", required: true, options: ["Search", "A friend", "An advert"] },
  { type: "multiple-choice", label: "What did you compare?", required: false, options: ["Prices", "Features", "Support"] },
  { type: "rating", label: "How clear are our prices?", required: false, scale: { min: 1, max: 5 }, lowLabel: "Unclear", highLabel: "Clear" },
  { type: "free-text", label: "What could we improve?", required: false, placeholder: null, maxLength: null },
  { type: "free-text", label: "Anything else?", required: false, placeholder: null, maxLength: null },
];

async function postAnswers(baseUrl: string, payload: unknown, options: { origin?: string | null; rawBody?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "content-type": "text/plain;charset=UTF-8", ...options.headers };
  if (options.origin !== null) headers.origin = options.origin ?? "https://shop.example";
  const response = await fetch(`${baseUrl}/surveys/answers`, { method: "POST", headers, body: options.rawBody ?? JSON.stringify(payload) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null, headers: response.headers };
}

async function everythingStored(db: Db): Promise<string> {
  let all = "";
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    all += JSON.stringify(await db.collection(name).find({}).toArray());
  }
  return all;
}

describe("survey routes", () => {
  const server = useTestServer();
  const db = () => server.server.database.db;
  let tenant: TenantFixture;
  let site: SiteDoc;
  let survey: SurveyDoc;
  const callOf = () => ({ scope: tenantScope(db(), tenant.tenantId), actor: { type: "user" as const, id: tenant.members.owner._id, platform: false }, now: new Date() });

  const answersFor = (overrides: Partial<SurveyAnswersPayload> = {}): SurveyAnswersPayload => ({
    v: 1,
    siteKey: site.siteKey,
    surveyId: survey._id,
    responseId: randomRecorderId(),
    visitorId: randomRecorderId(),
    consent: "granted",
    answers: [
      { questionId: survey.questions[0]!.questionId, value: "A friend" },
      { questionId: survey.questions[1]!.questionId, value: ["Prices", "Support"] },
      { questionId: survey.questions[2]!.questionId, value: 4 },
    ],
    ...overrides,
  });
  const responseOf = (responseId: string) => analyticsCollections(db()).surveyResponses.findOne({ responseId });

  beforeAll(async () => {
    tenant = await createTenantFixture(db(), "Surveys");
    site = await createSite(callOf(), { name: "Shop", allowedOrigins: ["https://shop.example"] });
    survey = await createSurvey(callOf(), site._id, { title: "Pricing", intro: "Help us improve", questions, display: { pathPrefix: "/pricing", delaySeconds: 3 } });
  });

  describe("GET /surveys/active/:siteKey", () => {
    it("lists the site's active surveys for a page, readable from any origin and cacheable for a minute", async () => {
      const response = await fetch(`${server.url}/surveys/active/${site.siteKey}?path=${encodeURIComponent("/pricing/teams")}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("cache-control")).toBe("public, max-age=60");
      const body = (await response.json()) as ActiveSurveys;
      expect(body).toMatchObject({ siteKey: site.siteKey, answersUrl: `${server.url}/surveys/answers`, consentMode: "required", visitorCookie: "mousestats_vi" });
      expect(body.surveys.map((listed) => listed.surveyId)).toEqual([survey._id]);
      const [listed] = body.surveys;
      // Every page view unless the survey samples; its dates stay on the server.
      expect(listed?.display).toEqual({ pathPrefix: "/pricing", delaySeconds: 3, samplePercent: 100 });
      expect(listed?.questions[0]).toEqual({ questionId: survey.questions[0]!.questionId, type: "single-choice", label: "How did you find us?", required: true, options: ["Search", "A friend", "An advert"] });
      // The policy's limit, resolved for the recorder.
      expect(listed?.questions[3]).toMatchObject({ type: "free-text", maxLength: 1000 });
      expect(JSON.stringify(body)).not.toContain(tenant.tenantId);

      const elsewhere = (await (await fetch(`${server.url}/surveys/active/${site.siteKey}?path=/pricing-old`)).json()) as ActiveSurveys;
      expect(elsewhere.surveys).toEqual([]);
    });

    it("404 for an unknown site key, 400 without a page path", async () => {
      const unknown = await fetch(`${server.url}/surveys/active/pk_${"0".repeat(24)}?path=/`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error: { message: "siteKey: no site has this key", field: "siteKey" } });
      const noPath = await fetch(`${server.url}/surveys/active/${site.siteKey}`);
      expect(noPath.status).toBe(400);
      expect(await noPath.json()).toMatchObject({ error: { field: "path" } });
    });

    it("does not list an archived survey, and refuses answers to it", async () => {
      const gone = await createSurvey(callOf(), site._id, { title: "Old", intro: "", questions: [questions[0]!], display: { pathPrefix: "/", delaySeconds: 0 } });
      const listed = async () => ((await (await fetch(`${server.url}/surveys/active/${site.siteKey}?path=/`)).json()) as ActiveSurveys).surveys.map((s) => s.surveyId);
      expect(await listed()).toContain(gone._id);
      await archiveSurvey(callOf(), gone._id);
      expect(await listed()).not.toContain(gone._id);
      const payload = answersFor({ surveyId: gone._id, answers: [{ questionId: gone.questions[0]!.questionId, value: "Search" }] });
      expect(await postAnswers(server.url, payload)).toMatchObject({ status: 400, body: { error: { field: "surveyId" } } });
      expect(await responseOf(payload.responseId)).toBeNull();
    });
  });

  it("MS-1.13 shows a draft, or a survey outside its dates, to nobody and takes no answers to it; activated, it shows", async () => {
    const listed = async () => ((await (await fetch(`${server.url}/surveys/active/${site.siteKey}?path=/drafts`)).json()) as ActiveSurveys).surveys;
    const oneQuestion = [questions[0]!];
    const draft = await createSurvey(callOf(), site._id, { title: "Draft", intro: "", questions: oneQuestion, display: { pathPrefix: "/drafts", delaySeconds: 0, samplePercent: 25 } }, "draft");
    // Dates far from any clock this test runs on: one not started, one over.
    const later = await createSurvey(callOf(), site._id, { title: "Later", intro: "", questions: oneQuestion, display: { pathPrefix: "/drafts", delaySeconds: 0, startsAt: new Date("2999-01-01T00:00:00Z"), endsAt: null } });
    const over = await createSurvey(callOf(), site._id, { title: "Over", intro: "", questions: oneQuestion, display: { pathPrefix: "/drafts", delaySeconds: 0, startsAt: null, endsAt: new Date("2000-01-02T00:00:00Z") } });
    expect(await listed()).toEqual([]);
    for (const silent of [draft, later, over]) {
      const payload = answersFor({ surveyId: silent._id, answers: [{ questionId: silent.questions[0]!.questionId, value: "Search" }] });
      expect(await postAnswers(server.url, payload)).toMatchObject({ status: 400, body: { error: { field: "surveyId" } } });
      expect(await responseOf(payload.responseId)).toBeNull();
    }
    await callerAs(db(), tenant.members.owner).surveys.activate({ tenantId: tenant.tenantId, surveyId: draft._id });
    expect((await listed()).map((shown) => [shown.surveyId, shown.display.samplePercent])).toEqual([[draft._id, 25]]);
    const payload = answersFor({ surveyId: draft._id, answers: [{ questionId: draft.questions[0]!.questionId, value: "Search" }] });
    expect((await postAnswers(server.url, payload)).status).toBe(204);
  });

  describe("POST /surveys/answers", () => {
    it("204: stores the answers keyed to the site-scoped visitor key, never the raw visitor id (MS-2.3)", async () => {
      const payload = answersFor();
      const response = await postAnswers(server.url, payload);
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      const stored = await responseOf(payload.responseId);
      expect(stored).toMatchObject({
        tenantId: tenant.tenantId,
        siteId: site._id,
        surveyId: survey._id,
        visitorKey: siteScopedKey(visitorKeySecretOf(sessionSecret), site._id, payload.visitorId!),
        answers: [
          { questionId: survey.questions[0]!.questionId, choices: ["A friend"] },
          { questionId: survey.questions[1]!.questionId, choices: ["Prices", "Support"] },
          { questionId: survey.questions[2]!.questionId, rating: 4 },
        ],
        hasFreeText: false,
        policy: { id: "mousestats", version: 1 },
        violationCount: 0,
      });
      expect(await everythingStored(db())).not.toContain(payload.visitorId);
    });

    it.each([
      ["email", "jane.doe@example.com", ["jane.doe@example.com", "jane.doe"]],
      ["phone", "+44 20 7946 0958", ["+44 20 7946 0958", "2079460958", "7946 0958"]],
      ["payment-card", "4111 1111 1111 1111", ["4111 1111 1111 1111", "4111111111111111"]],
      ["iban", "DE89 3704 0044 0532 0130 00", ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000"]],
    ])("MS-1.13 %s typed into a free-text answer never reaches storage and is recorded as a violation without the value", async (kind, typed, forms) => {
      const textQuestion = survey.questions[3]!.questionId;
      const payload = answersFor({
        answers: [
          { questionId: survey.questions[0]!.questionId, value: "Search" },
          { questionId: textQuestion, value: `Great prices. Reach me on ${typed} if you like.` },
          { questionId: survey.questions[4]!.questionId, value: "Nothing else" },
        ],
      });
      expect((await postAnswers(server.url, payload)).status).toBe(204);

      const stored = await responseOf(payload.responseId);
      expect(stored?.answers).toContainEqual({ questionId: textQuestion, text: `Great prices. Reach me on [redacted:${kind}] if you like.` });
      expect(stored?.answers).toContainEqual({ questionId: survey.questions[4]!.questionId, text: "Nothing else" });
      expect(stored?.violationCount).toBe(1);

      const violations = await analyticsCollections(db()).piiViolations.find({ surveyResponseId: payload.responseId }).toArray();
      expect(violations).toEqual([
        expect.objectContaining({
          tenantId: tenant.tenantId,
          siteId: site._id,
          source: "survey",
          surveyResponseId: payload.responseId,
          index: 0,
          kind,
          location: `surveys.${survey._id}.answers.${textQuestion}`,
        }),
      ]);
      const everything = await everythingStored(db());
      for (const form of forms) expect(everything).not.toContain(form);
    });

    it("MS-1.13 a replayed submission is stored once, with its violations once", async () => {
      const payload = answersFor({
        answers: [
          { questionId: survey.questions[0]!.questionId, value: "Search" },
          { questionId: survey.questions[3]!.questionId, value: "Mail a@example.com and b@example.org" },
        ],
      });
      expect((await postAnswers(server.url, payload)).status).toBe(204);
      expect(await postAnswers(server.url, payload)).toMatchObject({ status: 200, body: { duplicate: true } });
      expect(await analyticsCollections(db()).surveyResponses.countDocuments({ responseId: payload.responseId })).toBe(1);
      const violations = await analyticsCollections(db()).piiViolations.find({ surveyResponseId: payload.responseId }).toArray();
      expect(violations.map((violation) => [violation.index, violation.kind])).toEqual([
        [0, "email"],
        [1, "email"],
      ]);
    });

    it("MS-1.13 survey violations sit beside recording violations: a second response's violation is not taken for a replay", async () => {
      const first = answersFor({ answers: [{ questionId: survey.questions[0]!.questionId, value: "Search" }, { questionId: survey.questions[3]!.questionId, value: "x@example.com" }] });
      const second = answersFor({ answers: [{ questionId: survey.questions[0]!.questionId, value: "Search" }, { questionId: survey.questions[3]!.questionId, value: "y@example.com" }] });
      expect((await postAnswers(server.url, first)).status).toBe(204);
      expect((await postAnswers(server.url, second)).status).toBe(204);
      for (const payload of [first, second]) {
        expect(await analyticsCollections(db()).piiViolations.countDocuments({ surveyResponseId: payload.responseId, index: 0 })).toBe(1);
      }
    });

    it.each([
      ["a single choice outside the options", 0, "Ask me at jane@example.com", "answers.0.value: must be one of the question's options"],
      ["a multiple choice with an option of its own", 1, ["Prices", "My phone: 020 7946 0958"], "answers.0.value: must list only the question's options"],
      ["a rating off the scale", 2, 9, "answers.0.value: must be a whole number from 1 to 5"],
    ])("MS-1.13 400: refuses %s, naming the field, and stores nothing", async (_case, questionIndex, value, message) => {
      const payload = answersFor({
        answers: [
          { questionId: survey.questions[questionIndex]!.questionId, value },
          { questionId: survey.questions[0]!.questionId, value: "Search" },
        ].filter((answer, index) => index === 0 || questionIndex !== 0),
      });
      const response = await postAnswers(server.url, payload);
      expect(response).toMatchObject({ status: 400, body: { error: { message, field: "answers.0.value" } } });
      expect(await responseOf(payload.responseId)).toBeNull();
      expect(await everythingStored(db())).not.toMatch(/jane@example\.com|7946 0958/);
    });

    it("MS-1.13 400: unknown fields, wrong types and malformed JSON are refused by name", async () => {
      const unknownField = await postAnswers(server.url, { ...answersFor(), email: "jane@example.com" });
      expect(unknownField.status).toBe(400);
      expect(JSON.stringify(unknownField.body)).toContain("email");
      const wrongType = await postAnswers(server.url, { ...answersFor(), consent: true });
      expect(wrongType).toMatchObject({ status: 400, body: { error: { field: "consent" } } });
      const notJson = await postAnswers(server.url, null, { rawBody: "{answers" });
      expect(notJson).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining("body: not valid JSON") } } });
    });

    it("413: a body over the limit is refused before it is read", async () => {
      const response = await postAnswers(server.url, null, { rawBody: "x".repeat(128 * 1024 + 1) });
      expect(response).toMatchObject({ status: 413, body: { error: { message: "body: larger than 131072 bytes" } } });
    });

    it("MS-2.1 403: an unknown site key, a foreign origin and a missing origin, as for recordings", async () => {
      const unknown = answersFor({ siteKey: `pk_${"0".repeat(24)}` });
      expect(await postAnswers(server.url, unknown)).toMatchObject({ status: 403, body: { error: { field: "siteKey" } } });
      const foreign = answersFor();
      expect(await postAnswers(server.url, foreign, { origin: "https://evil.example" })).toMatchObject({
        status: 403,
        body: { error: { message: "origin https://evil.example is not an allowed origin of this site" } },
      });
      const none = answersFor();
      expect((await postAnswers(server.url, none, { origin: null })).status).toBe(403);
      for (const payload of [unknown, foreign, none]) expect(await responseOf(payload.responseId)).toBeNull();
    });

    it.each<{ header: Record<string, string>; reason: string }>([
      { header: { "sec-gpc": "1" }, reason: "global-privacy-control" },
      { header: { dnt: "1" }, reason: "do-not-track" },
    ])("MS-4.2 drops consented answers sent with $header, as for recordings", async ({ header, reason }) => {
      const payload = answersFor({ consent: "granted" });
      expect(await postAnswers(server.url, payload, { headers: header })).toMatchObject({ status: 200, body: { stored: false, reason } });
      expect(await responseOf(payload.responseId)).toBeNull();
    });

    it("MS-4.2 drops answers without consent where the site requires it, and accepts them where it does not", async () => {
      const refused = answersFor({ consent: "not-required" });
      expect(await postAnswers(server.url, refused)).toMatchObject({ status: 200, body: { stored: false, reason: "consent-missing" } });
      expect(await responseOf(refused.responseId)).toBeNull();

      const relaxed = await createSite(callOf(), { name: "Opt-out shop", allowedOrigins: ["https://optout.example"] });
      await collections(db()).sites.updateOne({ _id: relaxed._id }, { $set: { "privacy.settings.consentMode": "opt-out" } });
      const relaxedSurvey = await createSurvey(callOf(), relaxed._id, { title: "Q", intro: "", questions: [questions[0]!], display: { pathPrefix: "/", delaySeconds: 0 } });
      const accepted = answersFor({
        siteKey: relaxed.siteKey,
        surveyId: relaxedSurvey._id,
        consent: "not-required",
        answers: [{ questionId: relaxedSurvey.questions[0]!.questionId, value: "Search" }],
      });
      expect((await postAnswers(server.url, accepted, { origin: "https://optout.example" })).status).toBe(204);
      expect(await responseOf(accepted.responseId)).not.toBeNull();
    });

    it("MS-4.1 drops the answers of a visitor who opted out, storing nothing", async () => {
      const visitorId = randomRecorderId();
      await analyticsCollections(db()).optOuts.insertOne({
        tenantId: tenant.tenantId,
        siteId: site._id,
        visitorKey: siteScopedKey(visitorKeySecretOf(sessionSecret), site._id, visitorId),
        at: new Date(),
      });
      const payload = answersFor({ visitorId, answers: [{ questionId: survey.questions[0]!.questionId, value: "Search" }, { questionId: survey.questions[3]!.questionId, value: "call 020 7946 0958" }] });
      expect(await postAnswers(server.url, payload)).toMatchObject({ status: 200, body: { stored: false, reason: "opted-out" } });
      expect(await responseOf(payload.responseId)).toBeNull();
      expect(await analyticsCollections(db()).piiViolations.countDocuments({ surveyResponseId: payload.responseId })).toBe(0);
    });

    it("MS-1.13 the answer length limit and the allowed field types come from the site's policy", async () => {
      const policyId = `surveys-${randomBytes(4).toString("hex")}`;
      await publishPolicyVersion(db(), {
        document: { ...mouseStatsPolicyV1, id: policyId, surveys: { ...mouseStatsPolicyV1.surveys, allowedFieldTypes: ["single-choice", "free-text"], maxAnswerLength: 20 } },
        publishedBy: "test",
        now: new Date(),
      });
      const strict = await createSite(callOf(), { name: "Strict", allowedOrigins: ["https://strict.example"] });
      await collections(db()).sites.updateOne({ _id: strict._id }, { $set: { "privacy.policyId": policyId, "privacy.policyVersion": 1 } });

      const owner = callerAs(db(), tenant.members.owner);
      const rating = owner.surveys.create({
        tenantId: tenant.tenantId,
        siteId: strict._id,
        title: "Rate us",
        questions: [{ type: "rating", label: "How likely are you to recommend us?" }],
        display: { pathPrefix: "/" },
      });
      await expect(rating).rejects.toMatchObject({ code: "BAD_REQUEST", message: `questions.0.type: rating questions are not allowed by policy ${policyId} v1 (allowed: single-choice, free-text)` });
      const tooLong = owner.surveys.create({
        tenantId: tenant.tenantId,
        siteId: strict._id,
        title: "Feedback",
        questions: [{ type: "free-text", label: "Tell us", maxLength: 21 }],
        display: { pathPrefix: "/" },
      });
      await expect(tooLong).rejects.toMatchObject({ code: "BAD_REQUEST", message: `questions.0.maxLength: must be at most 20 (the maxAnswerLength of policy ${policyId} v1)` });

      const strictSurvey = await owner.surveys.create({
        tenantId: tenant.tenantId,
        siteId: strict._id,
        title: "Feedback",
        questions: [{ type: "free-text", label: "Tell us" }],
        display: { pathPrefix: "/" },
      });
      const active = (await (await fetch(`${server.url}/surveys/active/${strict.siteKey}?path=/`)).json()) as ActiveSurveys;
      expect(active.surveys[0]?.questions[0]).toMatchObject({ type: "free-text", maxLength: 20 });

      const send = (text: string) =>
        postAnswers(
          server.url,
          answersFor({ siteKey: strict.siteKey, surveyId: strictSurvey.surveyId, answers: [{ questionId: strictSurvey.questions[0]!.questionId, value: text }] }),
          { origin: "https://strict.example" },
        );
      expect(await send("x".repeat(21))).toMatchObject({ status: 400, body: { error: { field: "answers.0.value", message: "answers.0.value: must be at most 20 characters" } } });
      expect((await send("x".repeat(20))).status).toBe(204);
    });
  });

  it("MS-1.13 results: counts per option, the rating distribution and mean, and redacted free text, paginated", async () => {
    const own = await createSurvey(callOf(), site._id, { title: "Results", intro: "", questions, display: { pathPrefix: "/results", delaySeconds: 0 } });
    const [single, multiple, rating, text] = own.questions;
    const submit = (answers: SurveyAnswersPayload["answers"]) => postAnswers(server.url, answersFor({ surveyId: own._id, answers }));
    expect((await submit([{ questionId: single!.questionId, value: "Search" }, { questionId: rating!.questionId, value: 5 }, { questionId: text!.questionId, value: "Mail me: jane@example.com" }])).status).toBe(204);
    expect((await submit([{ questionId: single!.questionId, value: "Search" }, { questionId: multiple!.questionId, value: ["Prices", "Features"] }, { questionId: rating!.questionId, value: 2 }])).status).toBe(204);
    expect((await submit([{ questionId: single!.questionId, value: "An advert" }, { questionId: multiple!.questionId, value: ["Prices"] }, { questionId: text!.questionId, value: "Cheaper please" }])).status).toBe(204);

    const analyst = callerAs(db(), tenant.members.analyst);
    const firstPage = await analyst.surveys.results({ tenantId: tenant.tenantId, surveyId: own._id, limit: 1 });
    expect(firstPage.responses).toBe(3);
    expect(firstPage.questions[0]).toEqual({
      questionId: single!.questionId,
      type: "single-choice",
      label: "How did you find us?",
      answered: 3,
      options: [
        { option: "Search", count: 2 },
        { option: "A friend", count: 0 },
        { option: "An advert", count: 1 },
      ],
    });
    expect(firstPage.questions[1]).toMatchObject({ answered: 2, options: [{ option: "Prices", count: 2 }, { option: "Features", count: 1 }, { option: "Support", count: 0 }] });
    expect(firstPage.questions[2]).toMatchObject({
      answered: 2,
      mean: 3.5,
      distribution: [
        { rating: 1, count: 0 },
        { rating: 2, count: 1 },
        { rating: 3, count: 0 },
        { rating: 4, count: 0 },
        { rating: 5, count: 1 },
      ],
    });
    expect(firstPage.questions[3]).toMatchObject({ type: "free-text", answered: 2 });
    expect(firstPage.freeText.entries).toHaveLength(1);
    expect(firstPage.freeText.nextCursor).not.toBeNull();
    const secondPage = await analyst.surveys.results({ tenantId: tenant.tenantId, surveyId: own._id, limit: 1, cursor: firstPage.freeText.nextCursor! });
    expect(secondPage.freeText.nextCursor).toBeNull();
    const texts = [...firstPage.freeText.entries, ...secondPage.freeText.entries].flatMap((entry) => entry.answers.map((answer) => answer.text));
    expect(texts.sort()).toEqual(["Cheaper please", "Mail me: [redacted:email]"]);
  });
});
