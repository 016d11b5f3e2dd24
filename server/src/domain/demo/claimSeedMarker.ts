import type { Db } from "mongodb";
import { collections } from "../../db/collections.js";

export interface SeedMarker {
  _id: string;
  status: "pending" | "done";
  leaseUntil: Date;
}

/**
 * First-start work that must happen once across every server process and survive a crash half
 * way: a marker document in `meta`, inserted by whoever gets there first (its unique _id decides)
 * and re-claimed under a lease when its process died before marking it done. Returns the marker
 * to work on, or null when the work is done, another process holds it, or `create` declines.
 */
export async function claimSeedMarker<Marker extends SeedMarker>(
  db: Db,
  id: Marker["_id"],
  create: () => Promise<Marker | null>,
  options: { now: Date; leaseMs: number },
): Promise<Marker | null> {
  const markers = collections(db).meta as unknown as import("mongodb").Collection<SeedMarker>;
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const existing = await markers.findOne({ _id: id });
  if (!existing) {
    const marker = await create();
    if (!marker) return null;
    try {
      await markers.insertOne({ ...marker, status: "pending", leaseUntil });
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return null; // another process claimed it
      throw error;
    }
    return { ...marker, status: "pending", leaseUntil };
  }
  if (existing.status === "done") return null;
  const claimed = await markers.findOneAndUpdate(
    { _id: id, status: "pending", leaseUntil: { $lt: options.now } },
    { $set: { leaseUntil } },
    { returnDocument: "after" },
  );
  return claimed as Marker | null;
}

export async function markSeedDone(db: Db, id: string): Promise<void> {
  await collections(db).meta.updateOne({ _id: id }, { $set: { status: "done" } });
}

/** Records how far the work of a claimed marker got, so a resumed run skips what is done. */
export async function recordSeedProgress(db: Db, id: string, progress: Record<string, unknown>): Promise<void> {
  await collections(db).meta.updateOne({ _id: id }, { $set: progress });
}
