import { z } from "zod";
import { tenantInput } from "../common.schema.js";
import { purgeStatusOutput } from "./purgeStatus.output.js";

export const purgesInput = tenantInput.extend({
  limit: z.number().int().min(1, "must be at least 1").max(50, "must be at most 50").default(20),
  cursor: z.string().max(200, "must be at most 200 characters").optional(),
});

export const purgesOutput = z.object({ purges: z.array(purgeStatusOutput), nextCursor: z.string().nullable() });
