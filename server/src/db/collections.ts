import type { PolicyDocument } from "@mousetrail/policies/schema/policyDocument";
import type { TenantPrivacySettings } from "@mousetrail/policies/tenantSettings";
import type { Db } from "mongodb";

export const roles = ["owner", "admin", "analyst", "compliance"] as const;
export type Role = (typeof roles)[number];

/** `admin`: a tenant admin's key that may list the tenant's members and API keys (and change neither). */
export const apiKeyScopes = ["reports:read", "config:write", "compliance:read", "compliance:write", "admin"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface UserDoc {
  _id: string;
  email: string;
  name: string;
  passwordHash: string;
  /** Platform staff may act on any tenant for ToS enforcement; every such action is audited. */
  platform: boolean;
  createdAt: Date;
  passwordChangedAt: Date;
}

export interface AuthSessionDoc {
  /** sha256 of the cookie token: a leaked database does not yield usable cookies. */
  _id: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface TenantDoc {
  _id: string;
  name: string;
  createdAt: Date;
}

export interface MembershipDoc {
  _id: string;
  tenantId: string;
  userId: string;
  role: Role;
  createdAt: Date;
}

export interface InvitationDoc {
  /** sha256 of the invitation token, which is shown once to the inviting admin. */
  _id: string;
  tenantId: string;
  email: string;
  role: Role;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Which policy a site runs and the settings its tenant chose within that policy's bounds. */
export interface SitePrivacy {
  policyId: string;
  policyVersion: number;
  settings: TenantPrivacySettings;
}

export interface SiteDoc {
  _id: string;
  tenantId: string;
  name: string;
  /** Origins (`https://shop.example`) allowed to send recordings for this site (MS-2.1). */
  allowedOrigins: string[];
  /** Public key embedded in the recorder snippet. Not a secret: it only identifies the site. */
  siteKey: string;
  privacy: SitePrivacy;
  /** IANA zone of the site's reporting days; absent means UTC (sites created before it existed). */
  timeZone?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A published policy version (MS-5.1). Immutable once stored: a change is a new version. */
export interface PolicyVersionDoc {
  /** `<policyId>@<version>` */
  _id: string;
  policyId: string;
  version: number;
  document: PolicyDocument;
  publishedAt: Date;
  publishedBy: string;
}

export interface ApiKeyDoc {
  _id: string;
  tenantId: string;
  name: string;
  /** The first characters of the key, shown in lists so people can tell keys apart. */
  prefix: string;
  /** sha256 of the whole key; the key itself is shown once and never stored. */
  hash: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type AuditActor =
  | { type: "user"; id: string; platform: boolean }
  | { type: "apiKey"; id: string }
  | { type: "system"; id: string };

export interface AuditEntryDoc {
  _id: string;
  /** null for platform-wide events that belong to no tenant. */
  tenantId: string | null;
  at: Date;
  actor: AuditActor;
  action: string;
  target: { type: string; id: string };
  /** Identifiers and changed setting names only: never personal data of visitors. Stored as JSON. */
  details: Record<string, unknown>;
  /**
   * The hash chain (domain/audit/auditEntryHash.ts): "tenant:<id>" or "platform". Absent on
   * entries written before the chain existed; the chain starts at the first entry after.
   */
  chain?: string;
  /** 1, 2, 3, ... within the chain; unique with it. */
  seq?: number;
  /** SHA-256 (hex) of the previous entry of the chain; 64 zeros for seq 1. */
  prevHash?: string;
  /** SHA-256 (hex) of this entry's canonical form, prevHash included. */
  hash?: string;
}

export interface RateLimitDoc {
  /** `<bucket>:<key hash>:<window start>`: a unique key, so concurrent processes share counts. */
  _id: string;
  count: number;
  expiresAt: Date;
}

export type JobState = "queued" | "running" | "done" | "failed";

/**
 * A background job. Any server process may run it: a process claims it with a lease, saves
 * progress and a resume cursor as it goes, and renews the lease at each checkpoint; a job whose
 * lease ran out (its process died) is claimed again and resumes from its cursor.
 */
export interface JobDoc {
  _id: string;
  tenantId: string | null;
  type: string;
  params: Record<string, unknown>;
  state: JobState;
  progress: { done: number; total: number | null };
  cursor: unknown;
  attempts: number;
  leaseUntil: Date;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
  error: string | null;
  result: Record<string, unknown> | null;
}

export interface MetaDoc {
  _id: string;
  [key: string]: unknown;
}

/** The survey field types the product knows; which of them a site may use is its policy's choice (MS-1.13). */
export type SurveyFieldType = PolicyDocument["surveys"]["allowedFieldTypes"][number];

export type SurveyQuestion = { questionId: string; label: string; required: boolean } & (
  | { type: "single-choice"; options: string[] }
  | { type: "multiple-choice"; options: string[] }
  | { type: "rating"; scale: { min: number; max: number }; lowLabel: string | null; highLabel: string | null }
  /** `maxLength` null: the policy's maxAnswerLength, read when an answer arrives. */
  | { type: "free-text"; placeholder: string | null; maxLength: number | null }
);

/**
 * MS-1.13: a survey a tenant shows on one of its sites. Its own texts never carry PII (checked
 * when it is saved); its questions are frozen once it has a response, so results stay coherent.
 */
export interface SurveyDoc {
  _id: string;
  tenantId: string;
  siteId: string;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
  /**
   * Shown on pages whose path is under `pathPrefix`, `delaySeconds` after the page loads, to
   * `samplePercent` of the page views, from `startsAt` until before `endsAt`. The last three are
   * absent on surveys stored before they existed: every page view, open-ended.
   */
  display: { pathPrefix: string; delaySeconds: number; samplePercent?: number; startsAt?: Date | null; endsAt?: Date | null };
  /** A draft is shown to nobody and takes no answers until it is activated. */
  status: "draft" | "active" | "archived";
  createdAt: Date;
  updatedAt: Date;
  archivedAt: Date | null;
}

export const complaintCategories = ["data-access", "erasure", "recording-concern", "opt-out", "other"] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];

export const complaintStatuses = ["open", "in-progress", "escalated-to-authority", "resolved", "closed"] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export const complaintChannels = ["email", "phone", "letter"] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

/**
 * MS-4.3: a complaint posted through a site's public form, and the ticket that handles it. The
 * complainant's name, email and message are personal data given for this purpose only: they are
 * stored here and nowhere else (never in logs or the audit log), and the whole document is
 * deleted at `deleteAfter`, set when the ticket is resolved or closed (see
 * domain/complaints/complaintRetention.ts).
 */
export interface ComplaintDoc {
  _id: string;
  tenantId: string;
  siteId: string;
  /** Shown to the complainant on the confirmation page, for when they write again. Unique. */
  reference: string;
  complainant: { name: string; email: string };
  category: ComplaintCategory;
  message: string;
  status: ComplaintStatus;
  /** Each time the complainant was contacted: the policy's "contact the complaining user". */
  responses: { responseId: string; at: Date; by: AuditActor; channel: ComplaintChannel; message: string }[];
  statusHistory: { from: ComplaintStatus | null; to: ComplaintStatus; at: Date; by: AuditActor }[];
  /** The regulatory authority the complaint was referred to, if it was. */
  escalation: { authority: string; at: Date } | null;
  receivedAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  deleteAfter: Date | null;
}

export function collections(db: Db) {
  return {
    users: db.collection<UserDoc>("users"),
    authSessions: db.collection<AuthSessionDoc>("authSessions"),
    tenants: db.collection<TenantDoc>("tenants"),
    memberships: db.collection<MembershipDoc>("memberships"),
    invitations: db.collection<InvitationDoc>("invitations"),
    sites: db.collection<SiteDoc>("sites"),
    policyVersions: db.collection<PolicyVersionDoc>("policyVersions"),
    apiKeys: db.collection<ApiKeyDoc>("apiKeys"),
    auditLog: db.collection<AuditEntryDoc>("auditLog"),
    rateLimits: db.collection<RateLimitDoc>("rateLimits"),
    meta: db.collection<MetaDoc>("meta"),
    surveys: db.collection<SurveyDoc>("surveys"),
    complaints: db.collection<ComplaintDoc>("complaints"),
    jobs: db.collection<JobDoc>("jobs"),
  };
}

