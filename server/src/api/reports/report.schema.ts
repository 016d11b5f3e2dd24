import { z } from "zod";
import { idSchema, tenantInput } from "../common.schema.js";

/** A calendar day in the site's time zone; the range checks (order, length) are reportDays'. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day as YYYY-MM-DD");

/** A range of the site's days, both ends included. */
export const siteRangeInput = tenantInput.extend({ siteId: idSchema("site"), fromDay: day, toDay: day });

/** A page, as the reports key it (host and path: `shop.example/cart`). */
export const urlKeySchema = z.string().min(1, "must not be empty").max(2048, "must be at most 2048 characters");

export const breakpointSchema = z.enum(["mobile", "tablet", "desktop"]);

export const pageRangeInput = siteRangeInput.extend({ urlKey: urlKeySchema, breakpoint: breakpointSchema });
