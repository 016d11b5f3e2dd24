import { z } from "zod";
import { displayNameSchema } from "../common.schema.js";
import { tenantOutput } from "./tenant.output.js";

export const createTenantInput = z.strictObject({ name: displayNameSchema });
export const createTenantOutput = tenantOutput;
