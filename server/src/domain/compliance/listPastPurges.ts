import { AppError } from "../../errors/appError.js";
import { listPurges } from "../../repositories/purgeRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { purgeStatusOf, type PurgeStatus } from "./getPurgeStatus.js";

/** MS-1.7: the tenant's purges newest first, each with its progress and, once sealed, its receipt. */
export async function listPastPurges(scope: TenantScope, options: { limit: number; cursor?: string | undefined }): Promise<{ purges: PurgeStatus[]; nextCursor: string | null }> {
  const before = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
  const rows = await listPurges(scope, { limit: options.limit + 1, before });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    purges: page.map(purgeStatusOf),
    nextCursor: rows.length > options.limit && last ? Buffer.from(JSON.stringify([last.requestedAt.getTime(), last._id])).toString("base64url") : null,
  };
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string") return { at: new Date(time), id };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" });
}
