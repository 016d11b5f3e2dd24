import { hash, verify, type Algorithm } from "@node-rs/argon2";
import { z } from "zod";

/** Long passphrases are welcome; the upper bound only stops hashing megabytes on purpose. */
export const passwordSchema = z
  .string()
  .min(10, "must be at least 10 characters")
  .max(256, "must be at most 256 characters");

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, 1 lane.
// (`Algorithm` is an ambient const enum, so its value is spelled out: 2 is Argon2id.)
const argon2Options = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

// Verified against when the email is unknown, so a miss costs as much time as a wrong password.
const unknownUserHash = hash("mousetrail-unknown-user", argon2Options);

export async function verifyPassword(passwordHash: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await unknownUserHash), password);
  } catch {
    return false;
  }
}
