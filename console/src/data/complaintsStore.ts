import type { MousetrailClient, RouterInputs, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, createSignal } from "solid-js";

export type ComplaintStatus = RouterInputs["complaints"]["setStatus"]["status"];
export type ComplaintChannel = RouterInputs["complaints"]["respond"]["channel"];
export type Complaint = RouterOutputs["complaints"]["get"];
export const complaintStatuses: ComplaintStatus[] = ["open", "in-progress", "escalated-to-authority", "resolved", "closed"];
export const complaintChannels: ComplaintChannel[] = ["email", "phone", "letter"];

/** The tenant's complaint queue, filtered by status, a page at a time. */
export function createComplaintsStore(api: MousetrailClient, tenantId: string) {
  const [status, setStatus] = createSignal<ComplaintStatus | "">("");
  const [cursors, setCursors] = createSignal<(string | undefined)[]>([undefined]);
  const [page] = createResource(
    () => ({ status: status(), cursor: cursors()[cursors().length - 1] }),
    ({ status, cursor }) => api.complaints.list.query({ tenantId, limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    status,
    filter(next: ComplaintStatus | "") {
      setStatus(next);
      setCursors([undefined]);
    },
    pageNumber: () => cursors().length,
    next: () => {
      const next = page()?.nextCursor;
      if (next) setCursors([...cursors(), next]);
    },
    previous: () => setCursors(cursors().length > 1 ? cursors().slice(0, -1) : cursors()),
  };
}

/** One ticket: its conversation, answering it, moving its status. */
export function createComplaintStore(api: MousetrailClient, tenantId: string, complaintId: string) {
  const [complaint, { mutate }] = createResource(() => api.complaints.get.query({ tenantId, complaintId }));
  return {
    complaint,
    async respond(message: string, channel: ComplaintChannel) {
      mutate(await api.complaints.respond.mutate({ tenantId, complaintId, message, channel }));
    },
    async setStatus(status: ComplaintStatus, authority?: string) {
      mutate(await api.complaints.setStatus.mutate({ tenantId, complaintId, status, ...(authority ? { authority } : {}) }));
    },
  };
}
