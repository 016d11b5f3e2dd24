import type { Db } from "mongodb";
import type { UserDoc } from "../../db/collections.js";
import { newId } from "../../db/ids.js";
import { AppError } from "../../errors/appError.js";
import { insertUser } from "../../repositories/userRepository.js";
import { hashPassword } from "./passwords.js";

/** Emails are stored lower-cased; the unique index makes a second account for one email a CONFLICT. */
export async function createUser(
  db: Db,
  input: { email: string; password: string; name: string; now: Date; platform?: boolean },
): Promise<UserDoc> {
  const user: UserDoc = {
    _id: newId("user"),
    email: input.email.trim().toLowerCase(),
    name: input.name,
    passwordHash: await hashPassword(input.password),
    platform: input.platform ?? false,
    createdAt: input.now,
    passwordChangedAt: input.now,
  };
  try {
    await insertUser(db, user);
  } catch (error) {
    if ((error as { code?: number }).code === 11000) {
      throw new AppError("CONFLICT", { userMessage: "email: an account with this email already exists", field: "email" });
    }
    throw error;
  }
  return user;
}
