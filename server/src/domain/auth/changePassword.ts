import type { Db } from "mongodb";
import { collections } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
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
  const { users, authSessions } = collections(input.db);
  const user = await users.findOne({ _id: input.userId });
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("FORBIDDEN", { userMessage: "currentPassword: does not match", field: "currentPassword" });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError("BAD_INPUT", { userMessage: "newPassword: must differ from the current password", field: "newPassword" });
  }
  await users.updateOne(
    { _id: user._id },
    { $set: { passwordHash: await hashPassword(input.newPassword), passwordChangedAt: input.now } },
  );
  await authSessions.deleteMany({ userId: user._id, _id: { $ne: input.currentSessionId } });
}
