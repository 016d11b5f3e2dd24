import type { Db } from "mongodb";
import { collections, type AuditActor, type SurveyDoc } from "../../db/collections.js";
import { newId, randomToken } from "../../db/ids.js";
import { createSiteDirectory } from "../sites/siteDirectory.js";
import { findComplaint } from "../../repositories/complaintRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { submitComplaint } from "../complaints/submitComplaint.js";
import { finalPassAfter } from "../compliance/batchInFlight.js";
import type { ErasedKind } from "../compliance/eraseVisitor.js";
import { requestVisitorErasure } from "../compliance/requestVisitorErasure.js";
import { defaultErasureBatchSize, defaultErasureLeaseMs, runErasure } from "../compliance/runPendingErasures.js";
import { getErasureStatus } from "../compliance/getErasureStatus.js";
import { recordVisitorOptOut } from "../compliance/recordVisitorOptOut.js";
import { createSurveyAnswerPipeline } from "../surveys/answers/surveyAnswerPipeline.js";
import { createSurvey } from "../surveys/createSurvey.js";
import { listSurveys } from "../surveys/listSurveys.js";
import type { SurveyDefinition } from "../surveys/surveyDefinition.js";
import type { TenantCall } from "../tenantCall.js";
import { claimSeedMarker, markSeedDone, recordSeedProgress, type SeedMarker } from "./claimSeedMarker.js";
import { loadDemoRecordings, type DemoRecording } from "./demoRecordings.js";
import { planDemoVisits, type DemoVisitPlan } from "./planDemoVisits.js";

interface DemoComplianceSeedDoc extends SeedMarker {
  _id: "demoCompliance";
  tenantId: string;
  siteId: string;
  siteKey: string;
  /** Fixed before anything is written, so a resumed seeding sends the same responses (stored once). */
  responseIds: string[];
  complaintId: string;
  /** Set once the erasure has run: a resumed seeding does not erase (and audit) twice. */
  erasureReceiptId?: string;
}

export interface DemoComplianceSeeded {
  optedOutVisitors: number;
  surveyResponses: number;
  complaintReference: string;
  erasure: Record<ErasedKind, number> | null;
}

export const demoSurveyTitle = "How was your visit?";

const demoSurvey: SurveyDefinition = {
  title: demoSurveyTitle,
  intro: "Two quick questions help us improve the shop.",
  questions: [
    { type: "single-choice", label: "What brought you here today?", required: true, options: ["Browsing", "A gift", "Something for me"] },
    { type: "rating", label: "How easy was it to find what you wanted?", required: false, scale: { min: 1, max: 5 }, lowLabel: "Hard", highLabel: "Easy" },
    { type: "free-text", label: "Anything we could do better?", required: false, placeholder: "Please leave out your name and contact details", maxLength: 300 },
  ],
  display: { pathPrefix: "/", delaySeconds: 20 },
};

/** The answers: the second carries an e-mail address (MS-1.13: stored redacted, recorded as a violation). */
const demoAnswers: readonly [string, number, string][] = [
  ["Browsing", 4, "More photos of the shoes, please."],
  ["A gift", 2, "Could not find gift wrapping. Write to me at jane.roe@example.org"],
  ["Something for me", 5, ""],
  ["A gift", 3, "Delivery times were unclear."],
];

const demoComplaint = {
  name: "Alex Example",
  email: "alex.example@example.org",
  category: "recording-concern",
  message: "I only found out afterwards that my visit to the shop was recorded. Please tell me what you keep about me and delete it.",
} as const;

const seedActor: AuditActor = { type: "system", id: "demo-seed" };
const leaseMs = 5 * 60_000;

/**
 * After the demo data: what the compliance screens need to show something real on the demo site.
 * Visitors who opted out (MS-4.1), a survey with answers, one of them redacted with its violation
 * on record (MS-1.13, MS-1.7), a complaint ticket (MS-4.3) and a finished erasure of a visitor who
 * browsed and answered the survey. All through the product's own functions and pipelines, with
 * the demo visitors' ids. Once per installation, resumable: the ids are fixed in a `meta` marker
 * first and every step is idempotent (an opt-out is an upsert, a response id is stored once, the
 * complaint and the erasure are looked up before they are made), under a lease against other
 * processes. Does nothing, and is tried again on the next start, until the demo data is done.
 */
export async function seedDemoCompliance(
  db: Db,
  options: { now: Date; visitorKeySecret: Buffer; recordings?: DemoRecording[] },
): Promise<DemoComplianceSeeded | null> {
  const { now } = options;
  const meta = collections(db).meta;
  const seed = await claimSeedMarker<DemoComplianceSeedDoc>(
    db,
    "demoCompliance",
    async () => {
      const [demo, data] = await Promise.all([meta.findOne({ _id: "demoSeed" }), meta.findOne({ _id: "demoData" })]);
      if (demo?.status !== "done" || data?.status !== "done") return null;
      const { tenantId, siteId, siteKey } = demo as unknown as { tenantId: string; siteId: string; siteKey: string };
      return {
        _id: "demoCompliance",
        status: "pending",
        leaseUntil: now,
        tenantId,
        siteId,
        siteKey,
        responseIds: demoAnswers.map(() => randomToken(22)),
        complaintId: newId("complaint"),
      };
    },
    { now, leaseMs },
  );
  if (!seed) return null;

  const call: TenantCall = { scope: tenantScope(db, seed.tenantId), actor: seedActor, now };
  const site = await collections(db).sites.findOne({ _id: seed.siteId, tenantId: seed.tenantId });
  const origin = site?.allowedOrigins[0];
  if (!site || !origin) throw new Error(`the demo site ${seed.siteId} is gone, or has no allowed origin`);
  const plan = (await meta.findOne({ _id: "demoData" })) as unknown as DemoVisitPlan;
  const visitors = [...new Set(planDemoVisits(plan, options.recordings ?? (await loadDemoRecordings())).map((visit) => visit.visitorId))];
  // One visitor to erase, three who opted out, and the survey's other respondents: all different.
  const needed = 1 + 3 + demoAnswers.length - 1;
  if (visitors.length < needed) throw new Error(`the demo data has ${visitors.length} visitors; the compliance demo needs ${needed}`);
  const [erased, ...others] = visitors as [string, ...string[]];
  const optedOut = others.slice(0, 3);
  const respondents = [erased, ...others.slice(3, 3 + demoAnswers.length - 1)];

  const survey = await demoSurveyOf(call, seed.siteId);
  const answerPipeline = createSurveyAnswerPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: options.visitorKeySecret });
  for (const [index, [reason, rating, comment]] of demoAnswers.entries()) {
    const [choice, ease, text] = survey.questions.map((question) => question.questionId) as [string, string, string];
    const payload = {
      v: 1,
      siteKey: seed.siteKey,
      surveyId: survey._id,
      responseId: seed.responseIds[index],
      visitorId: respondents[index],
      consent: "not-required",
      answers: [
        { questionId: choice, value: reason },
        { questionId: ease, value: rating },
        ...(comment ? [{ questionId: text, value: comment }] : []),
      ],
    };
    const outcome = await answerPipeline.run({ body: Buffer.from(JSON.stringify(payload)), origin, receivedAt: now });
    // Resumed after the erasure: the erased visitor is opted out, and their answer rightly not stored again.
    const erasedSince = outcome.kind === "drop" && outcome.reason === "opted-out" && seed.erasureReceiptId !== undefined;
    if (outcome.kind !== "ok" && !erasedSince) {
      const why = outcome.kind === "drop" ? outcome.reason : outcome.rejection.message;
      throw new Error(`demo survey response ${index}: ${outcome.kind} at ${outcome.step} (${why})`);
    }
  }

  for (const visitorId of optedOut) await recordVisitorOptOut(call, { siteId: seed.siteId, visitorId, visitorKeySecret: options.visitorKeySecret });

  const complaint =
    (await findComplaint(call.scope, seed.complaintId)) ??
    (await submitComplaint({ db, site, clientKey: "demo-seed", submission: demoComplaint, now, complaintId: seed.complaintId }));

  let erasure: Record<ErasedKind, number> | null = null;
  if (!seed.erasureReceiptId) {
    const { erasure: job } = await requestVisitorErasure(call, { siteId: seed.siteId, visitorId: erased, visitorKeySecret: options.visitorKeySecret });
    // The seed's own clock, moved past the final pass: nothing of the demo is in flight. A run
    // that finds the job held (a resumed seeding) leaves it to the background runner.
    const runOptions = { leaseMs: defaultErasureLeaseMs, batchSize: defaultErasureBatchSize, owner: "demo-seed" };
    await runErasure(db, job._id, { ...runOptions, now: () => now });
    await runErasure(db, job._id, { ...runOptions, now: () => finalPassAfter(now, job.batchInFlightMs) });
    erasure = (await getErasureStatus(call.scope, job._id)).counts;
    await recordSeedProgress(db, "demoCompliance", { erasureReceiptId: job._id });
  }
  await markSeedDone(db, "demoCompliance");
  return { optedOutVisitors: optedOut.length, surveyResponses: demoAnswers.length, complaintReference: complaint.reference, erasure };
}

/** The demo survey, made once: a resumed seeding finds the one it made before by its title. */
async function demoSurveyOf(call: TenantCall, siteId: string): Promise<SurveyDoc> {
  const existing = (await listSurveys(call.scope, { siteId })).find((survey) => survey.title === demoSurveyTitle);
  return existing ?? (await createSurvey(call, siteId, demoSurvey));
}
