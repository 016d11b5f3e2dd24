import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { getSessionHandler, listSessionsHandler } from "./sessions.handler.js";
import { getSessionInput, getSessionOutput, listSessionsInput, listSessionsOutput } from "./sessions.schema.js";

const readReports = tenantProcedure.meta({ access: access.readReports });

export const sessionsRouter = router({
  list: readReports.input(listSessionsInput).output(listSessionsOutput).query(listSessionsHandler),
  get: readReports.input(getSessionInput).output(getSessionOutput).query(getSessionHandler),
});
