import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { visitorDataHandler } from "./visitorData.handler.js";
import { visitorDataInput, visitorDataOutput } from "./visitorData.schema.js";

/** The right of access (GDPR Art. 15): what is held on one visitor of a site. */
export const visitorDataRouter = router({
  get: tenantProcedure.meta({ access: access.readVisitorData }).input(visitorDataInput).output(visitorDataOutput).query(visitorDataHandler),
});
