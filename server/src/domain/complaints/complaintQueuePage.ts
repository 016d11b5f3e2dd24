import type { Db } from "mongodb";
import type { ComplaintDoc, ComplaintStatus } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
import { listComplaintPage, type ComplaintPageCursor } from "../../repositories/complaintRepository.js";

export interface ComplaintPage {
  complaints: ComplaintDoc[];
  nextCursor: string | null;
}

/** One page of a complaint queue, newest first: a tenant's, or (`tenantId` null) every tenant's for platform staff. */
export async function complaintQueuePage(
  db: Db,
  tenantId: string | null,
  options: { status?: ComplaintStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<ComplaintPage> {
  const before = options.cursor ? decodeCursor(options.cursor) : undefined;
  const rows = await listComplaintPage({ db, tenantId }, { status: options.status, limit: options.limit + 1, before });
  const complaints = rows.slice(0, options.limit);
  const last = complaints.at(-1);
  return { complaints, nextCursor: rows.length > options.limit && last ? encodeCursor({ receivedAt: last.receivedAt, id: last._id }) : null };
}

function encodeCursor(cursor: ComplaintPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt.getTime(), cursor.id])).toString("base64url");
}

function decodeCursor(cursor: string): ComplaintPageCursor {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string") return { receivedAt: new Date(time), id };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" });
}
