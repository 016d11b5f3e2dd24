import type { ProcedureMeta } from "./trpc.js";

/**
 * Who may call what, in one table. Roles: owner and admin configure; analysts read reports;
 * compliance handles opt-out audits, erasure and purges. API keys act through scopes; an
 * `admin` key may read who has access (members, keys) but never grant or revoke it.
 */
export const access = {
  readTenant: { roles: ["owner", "admin", "analyst", "compliance"], scopes: ["reports:read", "config:write", "compliance:write"] },
  manageTenant: { roles: ["owner", "admin"] },
  readSites: { roles: ["owner", "admin", "analyst", "compliance"], scopes: ["reports:read", "config:write"] },
  writeSites: { roles: ["owner", "admin"], scopes: ["config:write"] },
  readMembers: { roles: ["owner", "admin"], scopes: ["admin"] },
  manageMembers: { roles: ["owner", "admin"] },
  readApiKeys: { roles: ["owner", "admin"], scopes: ["admin"] },
  manageApiKeys: { roles: ["owner", "admin"] },
  readAuditLog: { roles: ["owner", "compliance"], scopes: ["compliance:write"] },
  readReports: { roles: ["owner", "admin", "analyst"], scopes: ["reports:read"] },
  compliance: { roles: ["owner", "compliance"], scopes: ["compliance:write"] },
  readSurveys: { roles: ["owner", "admin", "analyst"], scopes: ["reports:read", "config:write"] },
  writeSurveys: { roles: ["owner", "admin"], scopes: ["config:write"] },
} as const satisfies Record<string, NonNullable<ProcedureMeta["access"]>>;
