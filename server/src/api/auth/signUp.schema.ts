import { z } from "zod";
import { passwordSchema } from "../../domain/auth/passwords.js";
import { displayNameSchema, emailSchema } from "../common.schema.js";
import { userOutput } from "./user.output.js";

export const signUpInput = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: displayNameSchema,
  tenantName: displayNameSchema,
});

export const signUpOutput = z.object({ user: userOutput, tenantId: z.string() });
