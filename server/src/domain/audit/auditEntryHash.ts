import type { AuditEntryDoc } from "../../db/collections.js";
import { sha256OfCanonicalJson, type JsonValue } from "../compliance/canonicalJson.js";

/** What seq 1 of a chain links to: there is no previous entry. */
export const auditChainGenesis = "0".repeat(64);

export type ChainedAuditEntry = AuditEntryDoc & Required<Pick<AuditEntryDoc, "chain" | "seq" | "prevHash">>;

/**
 * MS-3.3: an entry's hash, SHA-256 (hex) over the canonical JSON (RFC 8785, canonicalJson.ts)
 * of exactly these fields:
 *
 *   { "action", "actor", "at" (ISO 8601 UTC with milliseconds), "chain", "details", "entryId",
 *     "prevHash", "seq", "target", "tenantId" (null on the platform chain) }
 *
 * `hash` itself is not part of it. Since prevHash is, changing, removing or reordering any
 * earlier entry changes every hash after it.
 */
export function auditEntryHash(entry: ChainedAuditEntry): string {
  return sha256OfCanonicalJson({
    action: entry.action,
    actor: entry.actor as unknown as JsonValue,
    at: entry.at instanceof Date ? entry.at.toISOString() : String(entry.at),
    chain: entry.chain,
    details: entry.details as JsonValue,
    entryId: entry._id,
    prevHash: entry.prevHash,
    seq: entry.seq,
    target: entry.target,
    tenantId: entry.tenantId,
  });
}

/**
 * Details are stored as the JSON they hash as: Dates become ISO strings, undefined fields go.
 * Otherwise the driver would store an undefined as null and the entry would no longer hash to
 * what was written.
 */
export function auditDetailsAsJson(details: Record<string, unknown>): Record<string, JsonValue> {
  return JSON.parse(JSON.stringify(details)) as Record<string, JsonValue>;
}
