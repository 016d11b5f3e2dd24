import { z } from "zod";
import { platformComplaintsRouter } from "../complaints/_router.js";
import { purgeStatusOutput } from "../compliance/purgeStatus.output.js";
import { verifyAuditChainOutput } from "../audit/verifyChain.schema.js";
import { platformProcedure, router } from "../trpc.js";
import { listAllTenantsHandler, publishPolicyHandler } from "./platform.handler.js";
import { platformStatsHandler } from "./platformStats.handler.js";
import { platformStatsInput, platformStatsOutput } from "./platformStats.schema.js";
import { platformPurgeReceiptHandler, purgeTenantAnalyticsHandler } from "./purgeTenantAnalytics.handler.js";
import { platformPurgeReceiptInput, purgeTenantAnalyticsInput } from "./purgeTenantAnalytics.schema.js";
import { verifyPlatformAuditChainHandler } from "./verifyPlatformAuditChain.handler.js";
import { verifyPlatformAuditChainInput } from "./verifyPlatformAuditChain.schema.js";
import { listAllTenantsInput, platformTenantOutput, publishPolicyInput, publishPolicyOutput } from "./platform.schema.js";

export const platformRouter = router({
  // MS-1.7: remove a tenant's analytics for a breach of the terms, and read the receipt.
  purgeTenantAnalytics: platformProcedure.input(purgeTenantAnalyticsInput).output(purgeStatusOutput).mutation(purgeTenantAnalyticsHandler),
  purgeReceipt: platformProcedure.input(platformPurgeReceiptInput).output(purgeStatusOutput).query(platformPurgeReceiptHandler),
  tenants: router({
    list: platformProcedure.input(listAllTenantsInput).output(z.array(platformTenantOutput)).query(listAllTenantsHandler),
  }),
  // MS-4.3: complaints of any tenant, without the complainants' details.
  complaints: platformComplaintsRouter,
  // MS-3.3: the platform's audit chain (each tenant verifies its own with audit.verifyChain).
  verifyAuditChain: platformProcedure.input(verifyPlatformAuditChainInput).output(verifyAuditChainOutput).query(verifyPlatformAuditChainHandler),
  // MS-3.2: pages processed per day and average load time across tenants, non-personal.
  stats: platformProcedure.input(platformStatsInput).output(platformStatsOutput).query(platformStatsHandler),
  policies: router({
    publish: platformProcedure.input(publishPolicyInput).output(publishPolicyOutput).mutation(publishPolicyHandler),
  }),
});
