import type { z } from "zod";
import { signUp } from "../../domain/auth/signUp.js";
import type { RequestContext } from "../context.js";
import type { signUpInput, signUpOutput } from "./signUp.schema.js";
import { toUserOutput } from "./user.output.js";

export async function signUpHandler({ ctx, input }: { ctx: RequestContext; input: z.infer<typeof signUpInput> }): Promise<z.infer<typeof signUpOutput>> {
  const result = await signUp({ db: ctx.db, ...input, clientKey: ctx.clientKey, now: ctx.now() });
  ctx.cookies.set(result.token, result.expiresAt);
  return { user: toUserOutput(result.user), tenantId: result.tenant._id };
}
