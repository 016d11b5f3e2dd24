import type { z } from "zod";
import { getSession } from "../../domain/sessions/getSession.js";
import { listSessions } from "../../domain/sessions/listSessions.js";
import type { TenantProcedureContext } from "../trpc.js";
import { sessionFilterOf } from "./sessionFilter.schema.js";
import type { getSessionInput, getSessionOutput, listSessionsInput, listSessionsOutput } from "./sessions.schema.js";

type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export function listSessionsHandler({ ctx, input }: Args<typeof listSessionsInput>): Promise<z.infer<typeof listSessionsOutput>> {
  return listSessions(ctx.tenant.scope, sessionFilterOf(input), { limit: input.limit, cursor: input.cursor });
}

export function getSessionHandler({ ctx, input }: Args<typeof getSessionInput>): Promise<z.infer<typeof getSessionOutput>> {
  return getSession(ctx.tenant.scope, input.siteId, input.sessionId);
}
