import { z } from "zod";
import { idSchema, tenantInput } from "../common.schema.js";

export const purgeAnalyticsInput = tenantInput.extend({
  /** One site; absent: every site of the tenant. */
  siteId: idSchema("site").optional(),
  /** The site's name (or the tenant's, without siteId), typed to confirm an irreversible deletion. */
  confirm: z.string().max(200, "must be at most 200 characters"),
  /** Why, for the receipt and the audit log. */
  reason: z.string().trim().min(1, "must not be empty").max(1000, "must be at most 1000 characters").optional(),
});
