import type { Db } from "mongodb";
import { collections, type UserDoc } from "../db/collections.js";

/**
 * Accounts are the platform's, not a tenant's: a user may belong to several tenants. The unique
 * index on `email` makes a second account for one email fail with the driver's 11000.
 */
export async function insertUser(db: Db, user: UserDoc): Promise<void> {
  await collections(db).users.insertOne(user);
}

export function findUserById(db: Db, userId: string): Promise<UserDoc | null> {
  return collections(db).users.findOne({ _id: userId });
}

/** `email` as stored: trimmed and lower-cased by the caller. */
export function findUserByEmail(db: Db, email: string): Promise<UserDoc | null> {
  return collections(db).users.findOne({ email });
}

export async function setUserPasswordHash(db: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await collections(db).users.updateOne({ _id: userId }, { $set: { passwordHash, passwordChangedAt: now } });
}

/** Names and emails only, for member lists. */
export function listUserContacts(db: Db, userIds: readonly string[]): Promise<Pick<UserDoc, "_id" | "email" | "name">[]> {
  return collections(db)
    .users.find({ _id: { $in: [...userIds] } }, { projection: { email: 1, name: 1 } })
    .toArray();
}
