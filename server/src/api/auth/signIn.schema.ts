import { z } from "zod";
import { emailSchema } from "../common.schema.js";
import { userOutput } from "./user.output.js";

export const signInInput = z.strictObject({
  email: emailSchema,
  // Not the sign-up rules: an old password that predates them must still sign in.
  password: z.string().min(1, "must not be empty").max(256, "must be at most 256 characters"),
});

export const signInOutput = z.object({ user: userOutput });
