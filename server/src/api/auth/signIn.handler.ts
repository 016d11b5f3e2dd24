import type { z } from "zod";
import { signIn } from "../../domain/auth/signIn.js";
import type { RequestContext } from "../context.js";
import type { signInInput, signInOutput } from "./signIn.schema.js";
import { toUserOutput } from "./user.output.js";

export async function signInHandler({ ctx, input }: { ctx: RequestContext; input: z.infer<typeof signInInput> }): Promise<z.infer<typeof signInOutput>> {
  const result = await signIn({ db: ctx.db, ...input, clientKey: ctx.clientKey, now: ctx.now() });
  ctx.cookies.set(result.token, result.expiresAt);
  return { user: toUserOutput(result.user) };
}
