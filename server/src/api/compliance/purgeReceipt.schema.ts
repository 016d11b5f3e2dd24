import { idSchema, tenantInput } from "../common.schema.js";

export const purgeReceiptInput = tenantInput.extend({ purgeId: idSchema("purge") });
