import { createHash, randomBytes } from "node:crypto";

export const invitationLifetimeMs = 7 * 24 * 3600 * 1000;

export function newInvitationToken(): string {
  return randomBytes(24).toString("base64url");
}

export function invitationIdOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
