import { z } from "zod";
import { visitorIdPattern } from "../../domain/compliance/visitorId.js";
import { idSchema, tenantInput } from "../common.schema.js";

export const eraseVisitorInput = tenantInput.extend({
  siteId: idSchema("site"),
  /** The id the hosted opt-out page showed the visitor, quoted in their erasure request. */
  visitorId: z.string().regex(visitorIdPattern, "must be the visitor id shown on the site's opt-out page (16-64 characters: letters, digits, _ and -)"),
});
