import type { z } from "zod";
import { acceptInvitation } from "../../domain/members/acceptInvitation.js";
import type { RequestContext } from "../context.js";
import type { acceptInvitationInput, acceptInvitationOutput } from "./acceptInvitation.schema.js";
import { toUserOutput } from "./user.output.js";

export async function acceptInvitationHandler({ ctx, input }: { ctx: RequestContext; input: z.infer<typeof acceptInvitationInput> }): Promise<z.infer<typeof acceptInvitationOutput>> {
  const result = await acceptInvitation({
    db: ctx.db,
    token: input.token,
    signedInUser: ctx.auth.kind === "session" ? ctx.auth.user : null,
    newAccount: { name: input.name, password: input.password },
    now: ctx.now(),
  });
  if (result.newSession) ctx.cookies.set(result.newSession.token, result.newSession.expiresAt);
  return { tenantId: result.tenantId, user: toUserOutput(result.user) };
}
