import type { Db } from "mongodb";
import type { TenantDoc, UserDoc } from "../../db/collections.js";
import { createTenant } from "../tenants/createTenant.js";
import { openAuthSession } from "./authSessions.js";
import { createUser } from "./createUser.js";
import { assertWithinRateLimit, countRateLimitHit, type RateLimitRule } from "./rateLimit.js";

export const signUpsPerClient: RateLimitRule = { bucket: "signup-client", limit: 20, windowSeconds: 3600 };

/** A new account, its first organisation (owned by it) and a signed-in session. */
export async function signUp(input: {
  db: Db;
  email: string;
  password: string;
  name: string;
  tenantName: string;
  clientKey: string;
  now: Date;
}): Promise<{ user: UserDoc; tenant: TenantDoc; token: string; expiresAt: Date }> {
  await assertWithinRateLimit(input.db, signUpsPerClient, input.clientKey, input.now);
  await countRateLimitHit(input.db, signUpsPerClient, input.clientKey, input.now);
  const user = await createUser(input.db, { email: input.email, password: input.password, name: input.name, now: input.now });
  const tenant = await createTenant({
    db: input.db,
    ownerId: user._id,
    actor: { type: "user", id: user._id, platform: false },
    name: input.tenantName,
    now: input.now,
  });
  const session = await openAuthSession(input.db, user._id, input.now);
  return { user, tenant, ...session };
}
