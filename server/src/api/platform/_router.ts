import { z } from "zod";
import { platformComplaintsRouter } from "../complaints/_router.js";
import { platformProcedure, router } from "../trpc.js";
import { listAllTenantsHandler, publishPolicyHandler } from "./platform.handler.js";
import { listAllTenantsInput, platformTenantOutput, publishPolicyInput, publishPolicyOutput } from "./platform.schema.js";

export const platformRouter = router({
  tenants: router({
    list: platformProcedure.input(listAllTenantsInput).output(z.array(platformTenantOutput)).query(listAllTenantsHandler),
  }),
  // MS-4.3: complaints of any tenant, without the complainants' details.
  complaints: platformComplaintsRouter,
  policies: router({
    publish: platformProcedure.input(publishPolicyInput).output(publishPolicyOutput).mutation(publishPolicyHandler),
  }),
});
