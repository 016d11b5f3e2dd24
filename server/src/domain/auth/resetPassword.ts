import { randomBytes } from "node:crypto";
import type { Db } from "mongodb";
import { newId } from "../../db/ids.js";
import { AppError } from "../../errors/appError.js";
import { deleteAuthSessionsOfUser } from "../../repositories/authSessionRepository.js";
import { findUserByEmail, setUserPasswordHash } from "../../repositories/userRepository.js";
import { appendAuditEntry } from "../audit/appendAuditEntry.js";
import { hashPassword, passwordSchema } from "./passwords.js";

export interface PasswordReset {
  userId: string;
  email: string;
  /** The new password: printed once by the command, stored only as its hash. */
  password: string;
  /** Whether the password was generated (true) or given by the operator (false). */
  generated: boolean;
  sessionsSignedOut: number;
}

/**
 * For the operator of a self-hosted installation (`npm run admin -- reset-password EMAIL`), who
 * has the database but lost the password printed at first start. Sets a new password (the one
 * given, or a generated one), signs the user out everywhere, and writes the reset to the
 * platform's audit chain (MS-3.3) without the password.
 */
export async function resetPassword(db: Db, input: { email: string; newPassword?: string | undefined; operator: string; now: Date }): Promise<PasswordReset> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError("NOT_FOUND", { userMessage: `email: no user has the email ${email}`, field: "email" });
  const generated = input.newPassword === undefined;
  const password = input.newPassword ?? randomBytes(12).toString("base64url");
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) throw new AppError("BAD_INPUT", { userMessage: `password: ${checked.error.issues[0]?.message ?? "is not acceptable"}`, field: "password" });

  await setUserPasswordHash(db, user._id, await hashPassword(password), input.now);
  const deletedCount = await deleteAuthSessionsOfUser(db, user._id);
  await appendAuditEntry(
    { db, tenantId: null },
    {
      _id: newId("audit"),
      at: input.now,
      actor: { type: "system", id: input.operator },
      action: "user.resetPassword",
      target: { type: "user", id: user._id },
      details: { passwordGenerated: generated, sessionsSignedOut: deletedCount },
    },
  );
  return { userId: user._id, email, password, generated, sessionsSignedOut: deletedCount };
}
