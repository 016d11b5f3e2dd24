import type { AuditActor } from "../db/collections.js";
import type { TenantScope } from "../repositories/tenantScope.js";

/** Who acts on which tenant, and when: the first argument of every tenant domain function. */
export interface TenantCall {
  scope: TenantScope;
  actor: AuditActor;
  now: Date;
}
