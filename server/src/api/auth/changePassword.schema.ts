import { z } from "zod";
import { passwordSchema } from "../../domain/auth/passwords.js";

export const changePasswordInput = z.strictObject({
  currentPassword: z.string().min(1, "must not be empty").max(256, "must be at most 256 characters"),
  newPassword: passwordSchema,
});

export const changePasswordOutput = z.object({ changed: z.literal(true) });
