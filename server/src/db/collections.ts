import type { PolicyDocument } from "@mousetrail/policies/schema/policyDocument";
import type { TenantPrivacySettings } from "@mousetrail/policies/tenantSettings";
import type { Collection, Db } from "mongodb";

export const roles = ["owner", "admin", "analyst", "compliance"] as const;
export type Role = (typeof roles)[number];

export const apiKeyScopes = ["reports:read", "config:write", "compliance:write"] as const;
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
  /** Identifiers and changed setting names only: never personal data of visitors. */
  details: Record<string, unknown>;
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
    jobs: db.collection<JobDoc>("jobs"),
  };
}

export type Collections = ReturnType<typeof collections>;
export type AnyCollection = Collection<{ _id: string }>;
