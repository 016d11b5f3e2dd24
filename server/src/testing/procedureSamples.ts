import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import type { TenantFixture } from "./apiHarness.js";
import { testPassword } from "./apiHarness.js";

/**
 * A valid input for every procedure of the router, pointing at the objects of `owner`; used
 * by the isolation and bad-input suites. Both fail for a procedure that has no entry here,
 * so a new procedure cannot slip past them.
 */
export type ProcedureSample = (owner: TenantFixture) => unknown;

export const procedureSamples: Record<string, ProcedureSample> = {
  "auth.signUp": () => ({ email: `new-${Math.random().toString(36).slice(2)}@example.test`, password: testPassword, name: "New Person", tenantName: "New Org" }),
  "auth.signIn": (owner) => ({ email: owner.members.analyst.email, password: "wrong password" }),
  "auth.signOut": () => undefined,
  "auth.me": () => undefined,
  "auth.changePassword": () => ({ currentPassword: "not the password", newPassword: "another long password" }),
  "auth.acceptInvitation": () => ({ token: "unknown-invitation-token-0000" }),
  "tenants.list": () => undefined,
  "tenants.create": () => ({ name: "Another org" }),
  "tenants.get": (owner) => ({ tenantId: owner.tenantId }),
  "tenants.rename": (owner) => ({ tenantId: owner.tenantId, name: "Renamed" }),
  "members.list": (owner) => ({ tenantId: owner.tenantId }),
  "members.invite": (owner) => ({ tenantId: owner.tenantId, email: "invitee@example.test", role: "analyst" }),
  "members.revokeInvitation": (owner) => ({ tenantId: owner.tenantId, email: "invitee@example.test" }),
  "members.changeRole": (owner) => ({ tenantId: owner.tenantId, userId: owner.members.analyst._id, role: "admin" }),
  "members.remove": (owner) => ({ tenantId: owner.tenantId, userId: owner.members.analyst._id }),
  "sites.list": (owner) => ({ tenantId: owner.tenantId }),
  "sites.get": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id }),
  "sites.create": (owner) => ({ tenantId: owner.tenantId, name: "Planted site", allowedOrigins: ["https://planted.example"] }),
  "sites.update": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, name: "Hijacked" }),
  "sites.rotateKey": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id }),
  "sites.delete": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id }),
  "apiKeys.list": (owner) => ({ tenantId: owner.tenantId }),
  "apiKeys.create": (owner) => ({ tenantId: owner.tenantId, name: "Planted key", scopes: ["reports:read"] }),
  "apiKeys.revoke": (owner) => ({ tenantId: owner.tenantId, keyId: owner.apiKey._id }),
  "audit.list": (owner) => ({ tenantId: owner.tenantId }),
  "audit.verifyChain": (owner) => ({ tenantId: owner.tenantId }),
  "platform.tenants.list": () => ({ limit: 10 }),
  "platform.stats": () => ({ days: 7 }),
  "reports.overview": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, fromDay: "2026-03-01", toDay: "2026-03-07" }),
  "reports.pages": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, fromDay: "2026-03-01", toDay: "2026-03-07", search: "cart" }),
  "reports.heatmap": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, fromDay: "2026-03-01", toDay: "2026-03-07", urlKey: "shop.example/cart", breakpoint: "desktop", kind: "click" }),
  "reports.scrollMap": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, fromDay: "2026-03-01", toDay: "2026-03-07", urlKey: "shop.example/cart", breakpoint: "desktop" }),
  "reports.clickProblems": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, fromDay: "2026-03-01", toDay: "2026-03-07", urlKey: "shop.example/cart" }),
  "reports.pageSnapshot": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, sessionId: owner.sessionKey, pageId: owner.pageId, seq: 0 }),
  "surveys.list": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, status: "active" }),
  "surveys.get": (owner) => ({ tenantId: owner.tenantId, surveyId: owner.surveyId }),
  "surveys.create": (owner) => ({
    tenantId: owner.tenantId,
    siteId: owner.site._id,
    title: "Planted survey",
    intro: "One question",
    questions: [{ type: "single-choice", label: "Was this page useful?", options: ["Yes", "No"] }],
    display: { pathPrefix: "/pricing", delaySeconds: 0, samplePercent: 50, startsAt: "2026-03-01T00:00:00.000Z", endsAt: null },
    status: "draft",
  }),
  "surveys.update": (owner) => ({ tenantId: owner.tenantId, surveyId: owner.surveyId, title: "Hijacked survey" }),
  "surveys.activate": (owner) => ({ tenantId: owner.tenantId, surveyId: owner.surveyId }),
  "surveys.archive": (owner) => ({ tenantId: owner.tenantId, surveyId: owner.surveyId }),
  "surveys.results": (owner) => ({ tenantId: owner.tenantId, surveyId: owner.surveyId, limit: 10 }),
  "complaints.list": (owner) => ({ tenantId: owner.tenantId, status: "open", limit: 10 }),
  "complaints.get": (owner) => ({ tenantId: owner.tenantId, complaintId: owner.complaintId }),
  "complaints.respond": (owner) => ({ tenantId: owner.tenantId, complaintId: owner.complaintId, message: "We called you back.", channel: "phone" }),
  "complaints.setStatus": (owner) => ({
    tenantId: owner.tenantId,
    complaintId: owner.complaintId,
    status: "escalated-to-authority",
    authority: "Information Commissioner's Office",
  }),
  "platform.complaints.list": (owner) => ({ tenantId: owner.tenantId, status: "open", limit: 10 }),
  "platform.purgeTenantAnalytics": (owner) => ({ tenantId: owner.tenantId, reason: "Collected card numbers in recordings: ToS breach" }),
  "platform.purgeReceipt": (owner) => ({ tenantId: owner.tenantId, purgeId: owner.purgeId }),
  "platform.verifyAuditChain": () => ({}),
  "compliance.optOuts": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, from: "2020-01-01", to: "2099-12-31" }),
  "compliance.optOutVerification": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, limit: 10 }),
  "compliance.eraseVisitor": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, visitorId: "visitor-id-from-the-opt-out-page" }),
  "compliance.erasure": (owner) => ({ tenantId: owner.tenantId, erasureId: owner.erasureId }),
  "compliance.erasures": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, limit: 5 }),
  "compliance.purgeAnalytics": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, confirm: owner.site.name, reason: "Test purge" }),
  "compliance.purgeReceipt": (owner) => ({ tenantId: owner.tenantId, purgeId: owner.purgeId }),
  "compliance.policyVersions": (owner) => ({ tenantId: owner.tenantId }),
  "compliance.purges": (owner) => ({ tenantId: owner.tenantId, limit: 5 }),
  "compliance.violations": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, limit: 10 }),
  "platform.policies.publish": () => ({ document: { ...mouseStatsPolicyV1, version: 1 } }),
  "sessions.list": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, limit: 10 }),
  "sessions.get": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, sessionId: owner.sessionKey }),
  "visitorData.get": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, visitorId: "visitor-id-from-the-opt-out-page" }),
  "privacy.effectivePolicy": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id }),
  "privacy.cookieTable": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id }),
  "privacy.settings": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id }),
  "privacy.updateSettings": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, settings: { textMasking: "all-text", consentMode: "required" } }),
  "privacy.previewPolicy": (owner) => ({ tenantId: owner.tenantId, siteId: owner.site._id, settings: { textMasking: "all-text", consentMode: "required" } }),
  "privacy.jobStatus": (owner) => ({ tenantId: owner.tenantId, jobId: owner.jobId }),
};

/**
 * For inputs that name objects (a site, a key, a member), the same call with the caller's
 * own tenantId and the victim's object ids: the repository filters must still refuse it.
 */
export function withTenant(input: unknown, tenantId: string): unknown {
  return typeof input === "object" && input !== null && "tenantId" in input ? { ...input, tenantId } : input;
}

export function namesForeignObject(input: unknown): boolean {
  return typeof input === "object" && input !== null && Object.keys(input).some((key) => key !== "tenantId" && key.endsWith("Id"));
}
