import type { Db } from "mongodb";
import type { RequestAuth, RequestContext } from "../api/context.js";
import { appRouter } from "../api/router.js";
import { createCallerFactory } from "../api/trpc.js";
import { requestVisitorErasure } from "../domain/compliance/requestVisitorErasure.js";
import { apiKeyScopes, type ApiKeyDoc, type ApiKeyScope, type Role, type SiteDoc, type UserDoc } from "../db/collections.js";
import { createApiKey } from "../domain/apiKeys/createApiKey.js";
import { createUser } from "../domain/auth/createUser.js";
import { startAnalyticsPurge } from "../domain/compliance/startAnalyticsPurge.js";
import { createSite } from "../domain/sites/createSite.js";
import { submitComplaint } from "../domain/complaints/submitComplaint.js";
import { createSurvey } from "../domain/surveys/createSurvey.js";
import { createTenant } from "../domain/tenants/createTenant.js";
import { inviteMember } from "../domain/members/inviteMember.js";
import { upsertMembership } from "../repositories/membershipRepository.js";
import { tenantScope } from "../repositories/tenantScope.js";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { Binary } from "mongodb";
import { analyticsCollections } from "../db/analyticsCollections.js";
import { newId } from "../db/ids.js";
import { enqueueJob } from "../jobs/jobRepository.js";
import { createLogger } from "../logging/logger.js";
import { testReceiptSigningKey } from "./testReceiptKey.js";

const createCaller = createCallerFactory(appRouter);
const quietLogger = createLogger({ level: "silent" });

export function testContext(db: Db, auth: RequestAuth = { kind: "anonymous" }): RequestContext & { cookieLog: string[] } {
  const cookieLog: string[] = [];
  return {
    db,
    logger: quietLogger,
    sessionSecret: "test-session-secret-test-session-secret",
    receiptSigningKey: testReceiptSigningKey,
    now: () => new Date(),
    auth,
    clientKey: "test-client",
    csrfSafe: true,
    cookies: {
      set: (token) => cookieLog.push(`set:${token}`),
      clear: () => cookieLog.push("clear"),
    },
    cookieLog,
  };
}

/** A tRPC caller acting as a session user, an API key, or nobody. */
export function callerAs(db: Db, who: UserDoc | ApiKeyDoc | null) {
  if (!who) return createCaller(testContext(db));
  const auth: RequestAuth = "passwordHash" in who ? { kind: "session", user: who, sessionId: "test-session" } : { kind: "apiKey", apiKey: who };
  return createCaller(testContext(db, auth));
}

export const testPassword = "correct horse battery staple";

export interface TenantFixture {
  tenantId: string;
  /** One member per role. */
  members: Record<Role, UserDoc>;
  site: SiteDoc;
  /** An API key holding every scope. */
  apiKey: ApiKeyDoc;
  apiKeySecret: string;
  keyWithScopes(scopes: ApiKeyScope[]): Promise<ApiKeyDoc>;
  /** An active survey on the fixture's site, one question of each type (MS-1.13). */
  surveyId: string;
  /** An open complaint posted through the site's form (MS-4.3). */
  complaintId: string;
  /** A finished analytics purge of the site (MS-1.7), with its receipt. */
  purgeId: string;
  /** A requested visitor erasure on the site (MS-4.1). */
  erasureId: string;
  /** A finished background job of the tenant's. */
  jobId: string;
  /** A recorded session on the fixture's site. */
  sessionKey: string;
  /** The session's one page view, whose first stored chunk (seq 0) holds a full snapshot. */
  pageId: string;
}

let fixtureCounter = 0;

/** A tenant with one member per role, a site, an all-scopes API key and an open invitation. */
export async function createTenantFixture(db: Db, label: string): Promise<TenantFixture> {
  const now = new Date();
  const unique = `${label.replace(/[^a-z0-9]+/gi, "-")}-${++fixtureCounter}-${Date.now().toString(36)}`.toLowerCase();
  const owner = await createUser(db, { email: `owner-${unique}@example.test`, password: testPassword, name: `${label} owner`, now });
  const tenant = await createTenant({ db, ownerId: owner._id, actor: { type: "user", id: owner._id, platform: false }, name: label, now });
  const scope = tenantScope(db, tenant._id);
  const members = { owner } as Record<Role, UserDoc>;
  for (const role of ["admin", "analyst", "compliance"] as const) {
    const user = await createUser(db, { email: `${role}-${unique}@example.test`, password: testPassword, name: `${label} ${role}`, now });
    await upsertMembership(scope, { _id: newId("membership"), userId: user._id, role, createdAt: now });
    members[role] = user;
  }
  const call = { scope, actor: { type: "user" as const, id: owner._id, platform: false }, now };
  const site = await createSite(call, { name: `${label} site`, allowedOrigins: [`https://${unique}.example`] });
  const keyWithScopes = async (scopes: ApiKeyScope[]) => (await createApiKey(call, { name: `key ${scopes.join(" ")}`, scopes })).apiKey;
  const { apiKey, secret } = await createApiKey(call, { name: "all scopes", scopes: [...apiKeyScopes] });
  await inviteMember(call, { email: "invitee@example.test", role: "analyst", inviterRole: "owner" });
  // Before any analytics are added below: the fixture's purge found an empty site.
  const purge = await startAnalyticsPurge(db, { tenantId: tenant._id, siteId: site._id, requestedBy: call.actor, requestedVia: "tenant", reason: "fixture", now }, () => new Date());
  // MS-4.1: an erasure request of one of the site's visitors (left requested: the fixture needs its id, not its work).
  const { erasure } = await requestVisitorErasure(call, { siteId: site._id, visitorId: `fixture_visitor_${fixtureCounter}_${Date.now().toString(36)}`, visitorKeySecret: Buffer.from("fixture-visitor-key-secret") });
  const survey = await createSurvey(call, site._id, {
    title: "How was your visit?",
    intro: "Two minutes, no personal details please.",
    questions: [
      { type: "single-choice", label: "Did you find what you came for?", required: true, options: ["Yes", "Partly", "No"] },
      { type: "multiple-choice", label: "What did you look at?", required: false, options: ["Prices", "Features", "Reviews"] },
      { type: "rating", label: "How easy was the checkout?", required: false, scale: { min: 1, max: 5 }, lowLabel: "Hard", highLabel: "Easy" },
      { type: "free-text", label: "Anything else?", required: false, placeholder: null, maxLength: null },
    ],
    display: { pathPrefix: "/", delaySeconds: 5 },
  });
  const complaint = await submitComplaint({
    db,
    site,
    clientKey: `fixture-${unique}`,
    submission: { name: `${label} complainant`, email: `complainant-${unique}@example.test`, category: "recording-concern", message: "Please tell me what you recorded." },
    now,
  });
  const job = await enqueueJob(db, { tenantId: tenant._id, type: "fixture", params: {} }, now);
  const sessionKey = randomBytes(20).toString("base64url").slice(0, 27);
  const visitorKey = randomBytes(20).toString("base64url").slice(0, 27);
  await analyticsCollections(db).sessions.insertOne({
    tenantId: tenant._id,
    siteId: site._id,
    sessionKey,
    visitorKey,
    firstSeenAt: now,
    lastSeenAt: now,
    pageCount: 1,
    eventCount: 10,
    entryUrl: `https://${unique}.example/`,
    referrer: null,
    technical: { browser: "Firefox", deviceClass: "desktop" },
    ipTruncated: "198.51.100.0",
    policy: { id: "mousestats", version: 1 },
    violationCount: 0,
    rageClicks: 0,
    deadClicks: 0,
  });
  const pageId = "fixture-page";
  const events = Buffer.from(JSON.stringify([{ type: 4, data: { href: `https://${unique}.example/`, width: 1280, height: 720 }, timestamp: now.getTime() }, { type: 2, data: { node: { type: 0, id: 1, childNodes: [] }, initialOffset: { left: 0, top: 0 } }, timestamp: now.getTime() }]));
  await analyticsCollections(db).recordingChunks.insertOne({
    tenantId: tenant._id,
    siteId: site._id,
    sessionKey,
    pageId,
    seq: 0,
    receivedAt: now,
    firstEventAt: now,
    lastEventAt: now,
    eventCount: 2,
    events: new Binary(gzipSync(events)),
    rawBytes: events.length,
    storedBytes: events.length,
    policy: { id: "mousestats", version: 1 },
    context: { visitorKey, technical: {}, ipTruncated: null, breakpoint: "desktop", urlKey: `${unique}.example`, day: now.toISOString().slice(0, 10), page: null, view: null, violationCount: 0 },
    // Already counted: the fixture's session and page are written above, not derived.
    rollup: { state: "applied", claimedUntil: new Date(0), appliedAt: now },
  });
  return { tenantId: tenant._id, members, site, apiKey, apiKeySecret: secret, keyWithScopes, surveyId: survey._id, complaintId: complaint._id, purgeId: purge.purgeId, erasureId: erasure._id, jobId: job._id, sessionKey, pageId };
}
