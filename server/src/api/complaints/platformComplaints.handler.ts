import type { z } from "zod";
import { listAllComplaints } from "../../domain/complaints/listAllComplaints.js";
import type { AuthedContext } from "../trpc.js";
import { toPlatformComplaintOutput, type platformComplaintListOutput } from "./complaint.output.js";
import type { platformListComplaintsInput } from "./complaint.schema.js";

/** `platform.complaints.list`: every call is audited by platformProcedure before it runs. */
export async function platformListComplaintsHandler({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: z.infer<typeof platformListComplaintsInput>;
}): Promise<z.infer<typeof platformComplaintListOutput>> {
  const page = await listAllComplaints(ctx.db, { tenantId: input.tenantId, status: input.status, limit: input.limit, cursor: input.cursor });
  return { complaints: page.complaints.map(toPlatformComplaintOutput), nextCursor: page.nextCursor };
}
