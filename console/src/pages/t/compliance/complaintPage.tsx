import { complaintTransitions } from "@mousetrail/server/domain/complaints/complaintTransitions";
import { A, useParams } from "@solidjs/router";
import { createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { complaintChannels, createComplaintStore, type ComplaintChannel, type ComplaintStatus } from "../../../data/complaintsStore.js";
import { createAction } from "../../../ui/createAction.js";
import { formatDate } from "../../../ui/formatDate.js";
import { ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { notify } from "../../../ui/toasts.js";
import { useTenant } from "../tenantContext.js";

/** `/t/:tenantId/compliance/complaints/:complaintId`: one ticket, answered and moved along. */
export default function ComplaintPage() {
  const tenant = useTenant();
  const params = useParams<{ complaintId: string }>();
  const store = createComplaintStore(useApi(), tenant.tenantId, params.complaintId);
  const [message, setMessage] = createSignal("");
  const [channel, setChannel] = createSignal<ComplaintChannel>("email");
  // The moves the server allows from the ticket's status, from the one table it enforces.
  const nextStatuses = (): readonly ComplaintStatus[] => {
    const current = store.complaint.latest?.status;
    return current ? complaintTransitions[current] : [];
  };
  const [chosen, setStatus] = createSignal<ComplaintStatus | null>(null);
  const status = (): ComplaintStatus => {
    const picked = chosen();
    return picked && nextStatuses().includes(picked) ? picked : (nextStatuses()[0] ?? "in-progress");
  };
  const [authority, setAuthority] = createSignal("");
  const respond = createAction(async () => {
    await store.respond(message(), channel());
    setMessage("");
    notify("Response recorded.");
  });
  const move = createAction(async () => {
    await store.setStatus(status(), status() === "escalated-to-authority" ? authority() : undefined);
    notify("Status changed.");
  });
  const messageId = createUniqueId();
  return (
    <>
      <p class="breadcrumb">
        <A href={`/t/${tenant.tenantId}/compliance?tab=complaints`}>Complaints</A> ›
      </p>
      <Switch fallback={<Loading what="the complaint" />}>
        <Match when={store.complaint.error}>
          <ErrorNotice error={describeApiError(store.complaint.error)} />
        </Match>
        <Match when={store.complaint()}>
          {(complaint) => (
            <>
              <h1>Complaint {complaint().reference}</h1>
              <p>
                <span class="badge">{complaint().status}</span> {complaint().category}, received {formatDate(complaint().receivedAt)} from {complaint().complainant.name} (
                <a href={`mailto:${complaint().complainant.email}`}>{complaint().complainant.email}</a>)
              </p>
              <blockquote class="complaint-message">{complaint().message}</blockquote>
              <h2>Responses</h2>
              <Show when={complaint().responses.length > 0} fallback={<p>No response yet. Answer the complainant, then record what you said below.</p>}>
                <ol class="stack">
                  <For each={complaint().responses}>
                    {(response) => (
                      <li>
                        <span class="muted">
                          {formatDate(response.at)} by {response.channel}
                        </span>
                        <p class="complaint-response">{response.message}</p>
                      </li>
                    )}
                  </For>
                </ol>
              </Show>
              <form
                class="stack narrow"
                onSubmit={(event) => {
                  event.preventDefault();
                  void respond.run();
                }}
              >
                <ErrorNotice error={respond.error()} />
                <div class="field">
                  <label for={messageId}>Response</label>
                  <textarea id={messageId} rows={5} required value={message()} onInput={(e) => setMessage(e.currentTarget.value)} />
                  <Show when={fieldError(respond.error(), "message")}>
                    <p class="field-error">{fieldError(respond.error(), "message")}</p>
                  </Show>
                </div>
                <div class="field">
                  <label for="response-channel">Sent by</label>
                  <select id="response-channel" value={channel()} onChange={(e) => setChannel(e.currentTarget.value as ComplaintChannel)}>
                    <For each={complaintChannels}>{(option) => <option value={option}>{option}</option>}</For>
                  </select>
                </div>
                <button type="submit" class="primary" disabled={respond.pending()}>
                  Record response
                </button>
              </form>
              <h2>Status</h2>
              <form
                class="stack narrow"
                onSubmit={(event) => {
                  event.preventDefault();
                  void move.run();
                }}
              >
                <ErrorNotice error={move.error()} />
                <div class="field">
                  <label for="complaint-new-status">New status</label>
                  <select id="complaint-new-status" value={status()} onChange={(e) => setStatus(e.currentTarget.value as ComplaintStatus)}>
                    <For each={nextStatuses()}>{(option) => <option value={option}>{option}</option>}</For>
                  </select>
                </div>
                <Show when={status() === "escalated-to-authority"}>
                  <TextField label="Authority" hint="e.g. Information Commissioner's Office" value={authority()} onInput={(e) => setAuthority(e.currentTarget.value)} error={fieldError(move.error(), "authority")} />
                </Show>
                <button type="submit" class="secondary" disabled={move.pending()}>
                  Change status
                </button>
              </form>
              <h2>History</h2>
              <ul>
                <For each={complaint().statusHistory}>
                  {(change) => (
                    <li>
                      {formatDate(change.at)}: {change.from ?? "received"} → {change.to}
                    </li>
                  )}
                </For>
              </ul>
              <p class="muted">{complaint().retention.statement}</p>
            </>
          )}
        </Match>
      </Switch>
    </>
  );
}
