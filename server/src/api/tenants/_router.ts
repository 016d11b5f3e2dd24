import { z } from "zod";
import { access } from "../access.js";
import { tenantInput } from "../common.schema.js";
import { authedProcedure, router, tenantProcedure } from "../trpc.js";
import { createTenantHandler } from "./create.handler.js";
import { createTenantInput, createTenantOutput } from "./create.schema.js";
import { getTenantHandler } from "./get.handler.js";
import { listTenantsHandler } from "./list.handler.js";
import { renameTenantHandler } from "./rename.handler.js";
import { renameTenantInput } from "./rename.schema.js";
import { myTenantOutput, tenantOutput } from "./tenant.output.js";

export const tenantsRouter = router({
  list: authedProcedure.output(z.array(myTenantOutput)).query(listTenantsHandler),
  create: authedProcedure.input(createTenantInput).output(createTenantOutput).mutation(createTenantHandler),
  get: tenantProcedure.meta({ access: access.readTenant }).input(tenantInput).output(tenantOutput).query(getTenantHandler),
  rename: tenantProcedure.meta({ access: access.manageTenant }).input(renameTenantInput).output(tenantOutput).mutation(renameTenantHandler),
});
