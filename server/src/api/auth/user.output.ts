import { z } from "zod";
import type { UserDoc } from "../../db/collections.js";

export const userOutput = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  platform: z.boolean(),
});

export function toUserOutput(user: UserDoc): z.infer<typeof userOutput> {
  return { userId: user._id, email: user.email, name: user.name, platform: user.platform };
}
