import { ObjectId } from "mongodb";
import { AppError } from "../../errors/appError.js";
import { isObjectIdHex, listViolationsNewestFirst, type ViolationPageCursor } from "../../repositories/piiViolationQueries.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSite } from "../sites/getSite.js";

export interface ViolationListEntry {
  kind: string;
  siteId: string;
  /** The recording session the PII was found in; null for a survey answer. */
  sessionKey: string | null;
  location: string;
  detectedAt: Date;
}

export interface ViolationPage {
  violations: ViolationListEntry[];
  nextCursor: string | null;
}

/**
 * MS-1.7: where PII was found in what a tenant's sites sent, newest first. A violation records
 * the kind and place of a finding, never its value, so this list cannot show one.
 */
export async function listViolations(
  scope: TenantScope,
  options: { siteId?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<ViolationPage> {
  if (options.siteId) await getSite(scope, options.siteId);
  const before = options.cursor ? decodeCursor(options.cursor) : undefined;
  const found = await listViolationsNewestFirst(scope, { siteId: options.siteId, limit: options.limit + 1, before });
  const page = found.slice(0, options.limit);
  const last = page.at(-1);
  return {
    violations: page.map((violation) => ({
      kind: violation.kind,
      siteId: violation.siteId,
      sessionKey: violation.sessionKey || null,
      location: violation.location,
      detectedAt: violation.detectedAt,
    })),
    nextCursor: found.length > options.limit && last ? encodeCursor({ detectedAt: last.detectedAt, id: last._id }) : null,
  };
}

function encodeCursor(cursor: ViolationPageCursor): string {
  return Buffer.from(JSON.stringify([cursor.detectedAt.getTime(), cursor.id.toHexString()])).toString("base64url");
}

function decodeCursor(cursor: string): ViolationPageCursor {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string" && isObjectIdHex(id)) return { detectedAt: new Date(time), id: new ObjectId(id) };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" });
}
