import type { Db, Filter } from "mongodb";
import { complianceCollections, type PurgeDoc } from "../../db/complianceCollections.js";

export class PurgeLeaseLostError extends Error {
  override name = "PurgeLeaseLostError";
}

/**
 * Takes the lease on a purge that is not done and that nobody holds (or whose holder's lease ran
 * out: its process died). One findOneAndUpdate, so two processes never hold the same purge; the
 * oldest request goes first. Returns the purge as it was before the claim: a lease still on it
 * is one a run left behind when it stopped (an interruption, see workOnPurge).
 */
export function claimPurge(
  db: Db,
  options: { owner: string; now: Date; leaseMs: number; purgeId?: string; skip?: readonly string[] },
): Promise<PurgeDoc | null> {
  const filter: Filter<PurgeDoc> = {
    state: { $in: ["pending", "deleting", "verified"] },
    $or: [{ lease: null }, { "lease.until": { $lte: options.now } }],
  };
  if (options.purgeId) filter._id = options.purgeId;
  else if (options.skip?.length) filter._id = { $nin: [...options.skip] };
  return complianceCollections(db).purges.findOneAndUpdate(
    filter,
    { $set: { lease: { owner: options.owner, until: new Date(options.now.getTime() + options.leaseMs) } }, $inc: { attempts: 1 } },
    { sort: { requestedAt: 1 }, returnDocument: "before" },
  );
}
