import { z } from "zod";
import { idSchema, tenantInput } from "../common.schema.js";
import { erasureStatusOutput } from "./erasureStatus.output.js";

export const erasuresInput = tenantInput.extend({
  siteId: idSchema("site").optional(),
  limit: z.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(10),
});

export const erasuresOutput = z.object({ erasures: z.array(erasureStatusOutput) });
