import type { AuditEntryDoc } from "../../db/collections.js";
import { auditChainOf, findAuditChainHead, insertAuditEntry, type AuditScope } from "../../repositories/auditLogRepository.js";
import { auditChainGenesis, auditDetailsAsJson, auditEntryHash } from "./auditEntryHash.js";

/** Attempts before giving up on a chain that other writers keep extending under us. */
const maxAttempts = 100;

/**
 * MS-3.3: appends an entry to the scope's hash chain (the tenant's, or the platform's). Safe with
 * several server processes and no transactions: read the head, insert seq n+1 linking to its
 * hash; the unique (chain, seq) index lets one writer win, the others re-read the head and try
 * again. Writing an entry whose _id is already stored is a no-op, so callers that derive the id
 * from what they record (a purge's completion) can run again after a crash.
 */
export function appendAuditEntry(scope: AuditScope, entry: Omit<AuditEntryDoc, "tenantId" | "chain" | "seq" | "prevHash" | "hash">): Promise<void> {
  return inChainOrder(scope, () => appendLinked(scope, entry));
}

/**
 * Appends of one process to one chain wait for each other: only the processes race for a seq,
 * not every concurrent request, which would make each round of retries as long as the burst
 * (400 concurrent appends took 100 s that way; see the commit). Keyed by the Db object, which is
 * one per connection pool, so separate processes (and the test's separate clients) still race.
 */
const chainQueues = new WeakMap<AuditScope["db"], Map<string, Promise<unknown>>>();

function inChainOrder<T>(scope: AuditScope, work: () => Promise<T>): Promise<T> {
  let queues = chainQueues.get(scope.db);
  if (!queues) chainQueues.set(scope.db, (queues = new Map()));
  const chain = auditChainOf(scope);
  const previous = queues.get(chain) ?? Promise.resolve();
  // Runs after the previous append whether that one succeeded or not; its failure is its caller's.
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(chain, settled);
  void settled.then(() => {
    if (queues.get(chain) === settled) queues.delete(chain);
  });
  return run;
}

async function appendLinked(scope: AuditScope, entry: Omit<AuditEntryDoc, "tenantId" | "chain" | "seq" | "prevHash" | "hash">): Promise<void> {
  const chain = auditChainOf(scope);
  const details = auditDetailsAsJson(entry.details);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const head = await findAuditChainHead(scope);
    const linked = { ...entry, details, tenantId: scope.tenantId, chain, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? auditChainGenesis };
    const outcome = await insertAuditEntry(scope, { ...linked, hash: auditEntryHash(linked) });
    if (outcome !== "seq-taken") return;
    // Another process took this seq; spread the retries so a burst of writers does not move in lockstep.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, attempt * 2)));
  }
  throw new Error(`audit chain ${chain}: could not append ${entry._id} after ${maxAttempts} attempts (other writers kept taking the next seq)`);
}
