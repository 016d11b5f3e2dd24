import { auditChainOf, countUnchainedAuditEntries, streamAuditChain, type AuditScope } from "../../repositories/auditLogRepository.js";
import { auditChainGenesis, auditEntryHash, type ChainedAuditEntry } from "./auditEntryHash.js";

export type BrokenLinkProblem =
  /** The entry no longer hashes to the hash written with it: its content was changed. */
  | "entry-altered"
  /** The entry's prevHash is not the previous entry's hash: an entry before it was replaced or re-hashed. */
  | "link-broken"
  /** A seq is missing: entries were deleted (or had their chain fields removed). */
  | "entry-missing";

export interface BrokenAuditLink {
  seq: number;
  entryId: string;
  problem: BrokenLinkProblem;
  expectedHash: string;
  foundHash: string;
  message: string;
}

export interface AuditChainVerification {
  chain: string;
  /** Entries checked, seq 1 up to the head or up to the first broken link. */
  entriesChecked: number;
  /** seq and hash of the newest entry: quote them elsewhere and a later truncation shows too. */
  head: { seq: number; sha256: string } | null;
  /** Entries written before the chain existed: outside it, and so not covered. */
  unchainedEntries: number;
  intact: boolean;
  firstBrokenLink: BrokenAuditLink | null;
}

/**
 * MS-3.3: walks one chain from seq 1 and stops at the first entry that breaks it, naming it.
 * Reads in batches, so a chain of any length is checked in bounded memory.
 */
export async function verifyAuditChain(scope: AuditScope): Promise<AuditChainVerification> {
  const chain = auditChainOf(scope);
  let previous: { seq: number; hash: string } | null = null;
  let checked = 0;
  let broken: BrokenAuditLink | null = null;
  for await (const stored of streamAuditChain(scope)) {
    broken = checkLink(stored as ChainedAuditEntry, previous);
    if (broken) break;
    checked++;
    previous = { seq: stored.seq!, hash: stored.hash! };
  }
  return {
    chain,
    entriesChecked: checked,
    head: broken || !previous ? null : { seq: previous.seq, sha256: previous.hash },
    unchainedEntries: await countUnchainedAuditEntries(scope),
    intact: broken === null,
    firstBrokenLink: broken,
  };
}

function checkLink(entry: ChainedAuditEntry, previous: { seq: number; hash: string } | null): BrokenAuditLink | null {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  const at = { seq: entry.seq, entryId: entry._id };
  const previousHash = previous?.hash ?? auditChainGenesis;
  if (entry.seq !== expectedSeq) {
    const missing = entry.seq === expectedSeq + 1 ? `seq ${expectedSeq} is` : `seqs ${expectedSeq} to ${entry.seq - 1} are`;
    return { ...at, problem: "entry-missing", expectedHash: previousHash, foundHash: entry.prevHash, message: `${missing} missing before entry ${entry._id} (seq ${entry.seq})` };
  }
  const recomputed = auditEntryHash(entry);
  if (recomputed !== entry.hash) {
    return { ...at, problem: "entry-altered", expectedHash: String(entry.hash), foundHash: recomputed, message: `entry ${entry._id} (seq ${entry.seq}) was changed after it was written: its content hashes to ${recomputed}, not to the ${entry.hash} written with it` };
  }
  if (entry.prevHash !== previousHash) {
    return { ...at, problem: "link-broken", expectedHash: previousHash, foundHash: entry.prevHash, message: `entry ${entry._id} (seq ${entry.seq}) links to ${entry.prevHash}, but the entry before it (seq ${entry.seq - 1}) hashes to ${previousHash}: that entry was rewritten with a new hash, or this link was edited` };
  }
  return null;
}
