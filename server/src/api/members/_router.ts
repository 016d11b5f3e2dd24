import { z } from "zod";
import { roles } from "../../db/collections.js";
import { access } from "../access.js";
import { tenantInput } from "../common.schema.js";
import { router, tenantProcedure } from "../trpc.js";
import {
  changeMemberRoleHandler,
  inviteMemberHandler,
  listMembersHandler,
  removeMemberHandler,
  revokeInvitationHandler,
} from "./members.handler.js";
import {
  changeMemberRoleInput,
  inviteMemberInput,
  inviteMemberOutput,
  listMembersOutput,
  removeMemberInput,
  revokeInvitationInput,
} from "./members.schema.js";

const readMembers = tenantProcedure.meta({ access: access.readMembers });
const manageMembers = tenantProcedure.meta({ access: access.manageMembers });

export const membersRouter = router({
  list: readMembers.input(tenantInput).output(listMembersOutput).query(listMembersHandler),
  invite: manageMembers.input(inviteMemberInput).output(inviteMemberOutput).mutation(inviteMemberHandler),
  revokeInvitation: manageMembers.input(revokeInvitationInput).output(z.object({ revoked: z.literal(true) })).mutation(revokeInvitationHandler),
  changeRole: manageMembers
    .input(changeMemberRoleInput)
    .output(z.object({ userId: z.string(), role: z.enum(roles) }))
    .mutation(changeMemberRoleHandler),
  remove: manageMembers.input(removeMemberInput).output(z.object({ removed: z.literal(true) })).mutation(removeMemberHandler),
});
