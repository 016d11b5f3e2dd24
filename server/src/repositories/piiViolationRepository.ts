import { analyticsCollections, type PiiViolationDoc } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

/** Idempotent: each violation has a unique key, so a replayed batch adds nothing. */
export async function recordViolations(scope: TenantScope, violations: Omit<PiiViolationDoc, "tenantId">[]): Promise<void> {
  if (violations.length === 0) return;
  try {
    await analyticsCollections(scope.db).piiViolations.insertMany(
      violations.map((violation) => ({ ...violation, tenantId: scope.tenantId })),
      { ordered: false },
    );
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { code?: number }[] | { code?: number } }).writeErrors;
    const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (list.length === 0 || list.some((writeError) => writeError.code !== 11000)) throw error;
  }
}
