import type { Db } from "mongodb";
import type { UserDoc } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { AppError } from "../../errors/appError.js";
import { deleteInvitationById, findLiveInvitation } from "../../repositories/invitationRepository.js";
import { upsertMembership } from "../../repositories/membershipRepository.js";
import { findUserByEmail } from "../../repositories/userRepository.js";
import { tenantScope } from "../../repositories/tenantScope.js";
import { recordAudit } from "../audit/recordAudit.js";
import { openAuthSession } from "../auth/authSessions.js";
import { createUser } from "../auth/createUser.js";
import { invitationIdOf } from "./invitationToken.js";

export type AcceptInvitationResult =
  | { tenantId: string; user: UserDoc; newSession: { token: string; expiresAt: Date } | null };

/**
 * Joins the invited tenant. An existing account must be signed in as the invited email; a
 * new one is created with the given password. Re-running after a crash is safe: the
 * membership upsert is idempotent and the invitation is deleted last.
 */
export async function acceptInvitation(input: {
  db: Db;
  token: string;
  signedInUser: UserDoc | null;
  newAccount?: { name?: string | undefined; password?: string | undefined } | undefined;
  now: Date;
}): Promise<AcceptInvitationResult> {
  const invitation = await findLiveInvitation(input.db, invitationIdOf(input.token), input.now);
  if (!invitation) throw new AppError("NOT_FOUND", { userMessage: "token: this invitation is unknown or has expired", field: "token" });

  const existing = await findUserByEmail(input.db, invitation.email);
  let user: UserDoc;
  let newSession: { token: string; expiresAt: Date } | null = null;
  if (existing) {
    if (input.signedInUser?._id !== existing._id) {
      throw new AppError("UNAUTHENTICATED", { userMessage: `Sign in as ${invitation.email} to accept this invitation` });
    }
    user = existing;
  } else {
    const { name, password } = input.newAccount ?? {};
    if (!password) throw new AppError("BAD_INPUT", { userMessage: "password: required to create your account", field: "password" });
    if (!name) throw new AppError("BAD_INPUT", { userMessage: "name: required to create your account", field: "name" });
    user = await createUser(input.db, { email: invitation.email, name, password, now: input.now });
    newSession = await openAuthSession(input.db, user._id, input.now);
  }
  const scope = tenantScope(input.db, invitation.tenantId);
  await upsertMembership(scope, { _id: newId("membership"), userId: user._id, role: invitation.role, createdAt: input.now });
  await recordAudit(
    { scope, actor: { type: "user", id: user._id, platform: user.platform }, now: input.now },
    "member.join",
    { type: "user", id: user._id },
    { role: invitation.role },
  );
  await deleteInvitationById(scope, invitation._id);
  return { tenantId: invitation.tenantId, user, newSession };
}
