import { access } from "../access.js";
import { platformProcedure, router, tenantProcedure } from "../trpc.js";
import { complaintListOutput, complaintOutput, platformComplaintListOutput } from "./complaint.output.js";
import { complaintInput, listComplaintsInput, platformListComplaintsInput, respondToComplaintInput, setComplaintStatusInput } from "./complaint.schema.js";
import { getComplaintHandler, listComplaintsHandler, respondToComplaintHandler, setComplaintStatusHandler } from "./complaints.handler.js";
import { platformListComplaintsHandler } from "./platformComplaints.handler.js";

/** MS-4.3: the complaint queue of a tenant's compliance officers. */
const compliance = tenantProcedure.meta({ access: access.compliance });

export const complaintsRouter = router({
  list: compliance.input(listComplaintsInput).output(complaintListOutput).query(listComplaintsHandler),
  get: compliance.input(complaintInput).output(complaintOutput).query(getComplaintHandler),
  respond: compliance.input(respondToComplaintInput).output(complaintOutput).mutation(respondToComplaintHandler),
  setStatus: compliance.input(setComplaintStatusInput).output(complaintOutput).mutation(setComplaintStatusHandler),
});

/** Mounted as `platform.complaints` (api/platform/_router.ts). */
export const platformComplaintsRouter = router({
  list: platformProcedure.input(platformListComplaintsInput).output(platformComplaintListOutput).query(platformListComplaintsHandler),
});
