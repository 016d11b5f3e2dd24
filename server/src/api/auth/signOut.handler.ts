import { closeAuthSession } from "../../domain/auth/authSessions.js";
import type { AuthedContext } from "../trpc.js";

export async function signOutHandler({ ctx }: { ctx: AuthedContext }): Promise<{ signedOut: true }> {
  await closeAuthSession(ctx.db, ctx.sessionId);
  ctx.cookies.clear();
  return { signedOut: true };
}
