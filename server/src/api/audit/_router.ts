import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { listAuditLogHandler } from "./audit.handler.js";
import { listAuditLogInput, listAuditLogOutput } from "./audit.schema.js";

export const auditRouter = router({
  list: tenantProcedure.meta({ access: access.readAuditLog }).input(listAuditLogInput).output(listAuditLogOutput).query(listAuditLogHandler),
});
