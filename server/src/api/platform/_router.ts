import { z } from "zod";
import { platformProcedure, router } from "../trpc.js";
import { listAllTenantsHandler } from "./platform.handler.js";
import { listAllTenantsInput, platformTenantOutput } from "./platform.schema.js";

export const platformRouter = router({
  tenants: router({
    list: platformProcedure.input(listAllTenantsInput).output(z.array(platformTenantOutput)).query(listAllTenantsHandler),
  }),
});
