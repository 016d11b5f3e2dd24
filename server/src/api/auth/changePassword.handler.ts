import type { z } from "zod";
import { changePassword } from "../../domain/auth/changePassword.js";
import type { AuthedContext } from "../trpc.js";
import type { changePasswordInput, changePasswordOutput } from "./changePassword.schema.js";

export async function changePasswordHandler({ ctx, input }: { ctx: AuthedContext; input: z.infer<typeof changePasswordInput> }): Promise<z.infer<typeof changePasswordOutput>> {
  await changePassword({ db: ctx.db, userId: ctx.user._id, currentSessionId: ctx.sessionId, ...input, now: ctx.now() });
  return { changed: true };
}
