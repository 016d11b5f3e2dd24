import type { Db } from "mongodb";
import { AppError } from "../../errors/appError.js";
import { deleteAuthSessionsOfUser } from "../../repositories/authSessionRepository.js";
import { findUserById, setUserPasswordHash } from "../../repositories/userRepository.js";
import { hashPassword, verifyPassword } from "./passwords.js";

/** Changing the password signs out every other session of the user. */
export async function changePassword(input: {
  db: Db;
  userId: string;
  currentSessionId: string;
  currentPassword: string;
  newPassword: string;
  now: Date;
}): Promise<void> {
  const user = await findUserById(input.db, input.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("FORBIDDEN", { userMessage: "currentPassword: does not match", field: "currentPassword" });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("BAD_INPUT", { userMessage: "newPassword: must differ from the current password", field: "newPassword" });
  }
  await setUserPasswordHash(input.db, user._id, await hashPassword(input.newPassword), input.now);
  await deleteAuthSessionsOfUser(input.db, user._id, input.currentSessionId);
}
