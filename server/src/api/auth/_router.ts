import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc.js";
import { acceptInvitationHandler } from "./acceptInvitation.handler.js";
import { acceptInvitationInput, acceptInvitationOutput } from "./acceptInvitation.schema.js";
import { changePasswordHandler } from "./changePassword.handler.js";
import { changePasswordInput, changePasswordOutput } from "./changePassword.schema.js";
import { meHandler } from "./me.handler.js";
import { meOutput } from "./me.schema.js";
import { signInHandler } from "./signIn.handler.js";
import { signInInput, signInOutput } from "./signIn.schema.js";
import { signOutHandler } from "./signOut.handler.js";
import { signUpHandler } from "./signUp.handler.js";
import { signUpInput, signUpOutput } from "./signUp.schema.js";

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).output(signUpOutput).mutation(signUpHandler),
  signIn: publicProcedure.input(signInInput).output(signInOutput).mutation(signInHandler),
  signOut: authedProcedure.output(z.object({ signedOut: z.literal(true) })).mutation(signOutHandler),
  me: publicProcedure.output(meOutput).query(meHandler),
  changePassword: authedProcedure.input(changePasswordInput).output(changePasswordOutput).mutation(changePasswordHandler),
  acceptInvitation: publicProcedure.input(acceptInvitationInput).output(acceptInvitationOutput).mutation(acceptInvitationHandler),
});
