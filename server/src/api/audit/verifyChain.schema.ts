import { z } from "zod";
import { tenantInput } from "../common.schema.js";

export const verifyAuditChainInput = tenantInput;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const verifyAuditChainOutput = z.object({
  /** "tenant:<tenantId>". */
  chain: z.string(),
  entriesChecked: z.number().int(),
  /** The newest entry's seq and hash when the chain is intact: quote them to detect a later truncation. */
  head: z.object({ seq: z.number().int(), sha256: sha256Hex }).nullable(),
  /** Entries written before the hash chain existed, which it does not cover. */
  unchainedEntries: z.number().int(),
  intact: z.boolean(),
  firstBrokenLink: z
    .object({
      seq: z.number().int(),
      entryId: z.string(),
      problem: z.enum(["entry-altered", "link-broken", "entry-missing"]),
      expectedHash: z.string(),
      foundHash: z.string(),
      message: z.string(),
    })
    .nullable(),
});
