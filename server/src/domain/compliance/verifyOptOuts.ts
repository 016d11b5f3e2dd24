import { ObjectId } from "mongodb";
import { AppError } from "../../errors/appError.js";
import { listOptOutsPage } from "../../repositories/optOutRepository.js";
import { chunkVisitorId, countChunksReceivedAfter } from "../../repositories/recordingChunkRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";

export interface OptOutVerification {
  /** Newest opt-out first. The visitor key never leaves the database. */
  optOuts: { optOutId: string; siteId: string; optedOutAt: Date; chunksStoredAfter: number }[];
  /** How many opt-outs of this page have data stored after them: 0 when MS-4.1 held. */
  breached: number;
  nextCursor: string | null;
}

/**
 * MS-4.1: proves nothing was stored after each opt-out by counting, for every opted-out visitor,
 * the recording chunks of that visitor key received after the opt-out time (zero expected).
 */
export async function verifyOptOuts(scope: TenantScope, options: { siteId?: string | undefined; limit: number; cursor?: string | undefined }): Promise<OptOutVerification> {
  if (options.siteId) await getSite(scope, options.siteId);
  const before = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const rows = await listOptOutsPage(scope, { siteId: options.siteId, limit: options.limit + 1, before });
  const page = rows.slice(0, options.limit);
  const counts = await countChunksReceivedAfter(scope, page.map((row) => ({ siteId: row.siteId, visitorKey: row.visitorKey, after: row.at })));
  const last = page.at(-1);
  const optOuts = page.map((row) => ({
    optOutId: row.optOutId,
    siteId: row.siteId,
    optedOutAt: row.at,
    chunksStoredAfter: counts.get(chunkVisitorId(row.siteId, row.visitorKey)) ?? 0,
  }));
  return {
    optOuts,
    breached: optOuts.filter((row) => row.chunksStoredAfter > 0).length,
    nextCursor: rows.length > options.limit && last ? encodeCursor(last.at, last.optOutId) : null,
  };
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.getTime(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: ObjectId } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string" && /^[0-9a-f]{24}$/.test(id)) return { at: new Date(time), id: new ObjectId(id) };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" });
}
