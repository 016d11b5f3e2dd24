import { z } from "zod";
import { idPattern, type IdKind } from "../db/ids.js";

export function idSchema(kind: IdKind) {
  return z.string().regex(idPattern(kind), `must be a ${kind} id (${idPattern(kind).source.replace(/[\^$]/g, "")})`);
}

export const tenantIdSchema = idSchema("tenant");

/** Every tenant procedure's input starts with the tenant it acts on. */
export const tenantInput = z.strictObject({ tenantId: tenantIdSchema });

export const isoDate = z.iso.datetime();

export const emailSchema = z.email("must be an email address").max(254, "must be at most 254 characters");

export const displayNameSchema = z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters");
