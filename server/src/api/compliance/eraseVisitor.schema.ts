import { z } from "zod";
import { visitorIdPattern } from "../../domain/compliance/visitorId.js";
import { idSchema, isoDate, tenantInput } from "../common.schema.js";
import { receiptSignatureOutput } from "./receiptSignature.output.js";

export const eraseVisitorInput = tenantInput.extend({
  siteId: idSchema("site"),
  /** The id the hosted opt-out page showed the visitor, quoted in their erasure request. */
  visitorId: z.string().regex(visitorIdPattern, "must be the visitor id shown on the site's opt-out page (16-64 characters: letters, digits, _ and -)"),
});

const erasureCounts = z.object({
  sessions: z.number().int(),
  pageViews: z.number().int(),
  recordingChunks: z.number().int(),
  /** MS-1.13: the visitor's answers to the site's surveys. */
  surveyResponses: z.number().int(),
  violations: z.number().int(),
});

/**
 * The signed form of the receipt. Every field is listed: output validation drops fields it does
 * not know, and a dropped field would make the signature fail to verify.
 */
export const visitorErasureReceiptOutput = z.object({
  receipt: z.literal("mousetrail.visitor-erasure"),
  receiptVersion: z.literal(1),
  receiptId: z.string(),
  tenantId: z.string(),
  siteId: z.string(),
  erasedAt: isoDate,
  counts: erasureCounts,
  optOut: z.enum(["recorded", "already-recorded"]),
  statement: z.string(),
});

export const eraseVisitorOutput = z.object({
  receiptId: z.string(),
  erasedAt: isoDate,
  siteId: z.string(),
  counts: erasureCounts,
  optOut: z.enum(["recorded", "already-recorded"]),
  statement: z.string(),
  receipt: visitorErasureReceiptOutput,
  signature: receiptSignatureOutput,
});
