import { z } from "zod";
import { passwordSchema } from "../../domain/auth/passwords.js";
import { displayNameSchema } from "../common.schema.js";
import { userOutput } from "./user.output.js";

export const acceptInvitationInput = z.strictObject({
  token: z.string().min(16, "must be an invitation token").max(128, "must be an invitation token"),
  /** Only for invitees without an account: the account to create. */
  name: displayNameSchema.optional(),
  password: passwordSchema.optional(),
});

export const acceptInvitationOutput = z.object({ tenantId: z.string(), user: userOutput });
