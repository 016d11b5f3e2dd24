import { displayNameSchema, tenantInput } from "../common.schema.js";

export const renameTenantInput = tenantInput.extend({ name: displayNameSchema });
