import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { listAuditLogHandler } from "./audit.handler.js";
import { listAuditLogInput, listAuditLogOutput } from "./audit.schema.js";
import { verifyAuditChainHandler } from "./verifyChain.handler.js";
import { verifyAuditChainInput, verifyAuditChainOutput } from "./verifyChain.schema.js";

const auditReader = tenantProcedure.meta({ access: access.readAuditLog });

export const auditRouter = router({
  list: auditReader.input(listAuditLogInput).output(listAuditLogOutput).query(listAuditLogHandler),
  verifyChain: auditReader.input(verifyAuditChainInput).output(verifyAuditChainOutput).query(verifyAuditChainHandler),
});
