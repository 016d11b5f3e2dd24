import { idSchema, tenantInput } from "../common.schema.js";

export const erasureInput = tenantInput.extend({ erasureId: idSchema("erasure") });
