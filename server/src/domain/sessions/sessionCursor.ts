import { ObjectId } from "mongodb";
import { AppError } from "../../errors/appError.js";
import type { SessionCursor } from "../../repositories/sessionRepository.js";

export function encodeSessionCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify([cursor.firstSeenAt.getTime(), cursor.id])).toString("base64url");
}

export function decodeSessionCursor(text: string): SessionCursor {
  try {
    const [time, id] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string" && ObjectId.isValid(id)) return { firstSeenAt: new Date(time), id };
  } catch {
    // reported below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by sessions.list", field: "cursor" });
}
