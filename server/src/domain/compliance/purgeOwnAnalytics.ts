import { AppError } from "../../errors/appError.js";
import { getSite } from "../sites/getSite.js";
import { getTenant } from "../tenants/getTenant.js";
import type { TenantCall } from "../tenantCall.js";
import type { PurgeStatus } from "./getPurgeStatus.js";
import { startAnalyticsPurge } from "./startAnalyticsPurge.js";

/**
 * MS-1.7, asked by the tenant's own compliance officer or owner: removes every byte of the
 * tenant's analytics, or of one site's. Irreversible, so the caller confirms by typing the name
 * of what is purged, as it is spelled in the console.
 */
export async function purgeOwnAnalytics(
  call: TenantCall,
  input: { siteId?: string | undefined; confirm: string; reason?: string | undefined },
  clock: () => Date,
): Promise<PurgeStatus> {
  const expected = input.siteId ? (await getSite(call.scope, input.siteId)).name : (await getTenant(call.scope)).name;
  if (input.confirm.trim() !== expected.trim()) {
    throw new AppError("BAD_INPUT", {
      userMessage: `confirm: type the ${input.siteId ? "site" : "tenant"}'s name exactly ("${expected}") to confirm that all of its analytics will be deleted`,
      field: "confirm",
    });
  }
  return startAnalyticsPurge(
    call.scope.db,
    {
      tenantId: call.scope.tenantId,
      siteId: input.siteId ?? null,
      requestedBy: call.actor,
      requestedVia: "tenant",
      reason: input.reason ?? "Requested by the tenant",
      now: call.now,
    },
    clock,
  );
}
