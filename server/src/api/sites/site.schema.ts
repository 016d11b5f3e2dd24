import { z } from "zod";
import { normalizeOrigin } from "../../domain/sites/normalizeOrigin.js";
import { isIanaTimeZone } from "../../domain/sites/siteDay.js";
import { displayNameSchema, idSchema, tenantInput } from "../common.schema.js";

/** An http(s) origin such as `https://shop.example.com`, normalised to its canonical form. */
export const originSchema = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .transform((value, ctx) => {
    const origin = normalizeOrigin(value);
    if (!origin) {
      ctx.addIssue({ code: "custom", message: `must be an origin like https://shop.example.com (got "${value.slice(0, 80)}")` });
      return z.NEVER;
    }
    return origin;
  });

export const allowedOriginsSchema = z.array(originSchema).min(1, "must list at least one origin").max(50, "must list at most 50 origins");

/** The site's reporting time zone: an IANA name Intl knows. */
export const timeZoneSchema = z
  .string()
  .max(64, "must be at most 64 characters")
  .refine(isIanaTimeZone, { message: "must be an IANA time zone name such as Europe/Berlin or UTC" });

export const siteInput = tenantInput.extend({ siteId: idSchema("site") });

export const createSiteInput = tenantInput.extend({ name: displayNameSchema, allowedOrigins: allowedOriginsSchema, timeZone: timeZoneSchema.optional() });

export const updateSiteInput = siteInput.extend({
  name: displayNameSchema.optional(),
  allowedOrigins: allowedOriginsSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
