import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { eraseVisitorHandler } from "./eraseVisitor.handler.js";
import { eraseVisitorInput } from "./eraseVisitor.schema.js";
import { erasureHandler } from "./erasure.handler.js";
import { erasureInput } from "./erasure.schema.js";
import { erasuresHandler } from "./erasures.handler.js";
import { erasuresInput, erasuresOutput } from "./erasures.schema.js";
import { erasureStatusOutput } from "./erasureStatus.output.js";
import { optOutVerificationHandler } from "./optOutVerification.handler.js";
import { optOutVerificationInput, optOutVerificationOutput } from "./optOutVerification.schema.js";
import { optOutsHandler } from "./optOuts.handler.js";
import { optOutsInput, optOutsOutput } from "./optOuts.schema.js";
import { policyVersionsHandler } from "./policyVersions.handler.js";
import { policyVersionsInput, policyVersionsOutput } from "./policyVersions.schema.js";
import { purgeAnalyticsHandler } from "./purgeAnalytics.handler.js";
import { purgeAnalyticsInput } from "./purgeAnalytics.schema.js";
import { purgeReceiptHandler } from "./purgeReceipt.handler.js";
import { purgeReceiptInput } from "./purgeReceipt.schema.js";
import { purgesHandler } from "./purges.handler.js";
import { purgesInput, purgesOutput } from "./purges.schema.js";
import { purgeStatusOutput } from "./purgeStatus.output.js";
import { violationsHandler } from "./violations.handler.js";
import { violationsInput, violationsOutput } from "./violations.schema.js";

const compliance = tenantProcedure.meta({ access: access.compliance });

export const complianceRouter = router({
  optOuts: compliance.input(optOutsInput).output(optOutsOutput).query(optOutsHandler),
  // MS-4.1: for each opt-out, the chunks of that visitor received after it (zero expected).
  optOutVerification: compliance.input(optOutVerificationInput).output(optOutVerificationOutput).query(optOutVerificationHandler),
  // MS-4.1: a durable job; answers once the fence is written and the first pass done.
  eraseVisitor: compliance.input(eraseVisitorInput).output(erasureStatusOutput).mutation(eraseVisitorHandler),
  erasure: compliance.input(erasureInput).output(erasureStatusOutput).query(erasureHandler),
  erasures: compliance.input(erasuresInput).output(erasuresOutput).query(erasuresHandler),
  purgeAnalytics: compliance.input(purgeAnalyticsInput).output(purgeStatusOutput).mutation(purgeAnalyticsHandler),
  purgeReceipt: compliance.input(purgeReceiptInput).output(purgeStatusOutput).query(purgeReceiptHandler),
  // MS-5.1: the published policy versions with their change log, and the version each site runs.
  policyVersions: compliance.input(policyVersionsInput).output(policyVersionsOutput).query(policyVersionsHandler),
  // MS-1.7: past purges, newest first, each with its sealed receipt.
  purges: compliance.input(purgesInput).output(purgesOutput).query(purgesHandler),
  violations: compliance.input(violationsInput).output(violationsOutput).query(violationsHandler),
});
