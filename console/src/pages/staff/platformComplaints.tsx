import { createResource, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../api/apiContext.js";
import { describeApiError } from "../../api/describeApiError.js";
import { formatDate } from "../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../ui/formControls.js";

/** MS-4.3: every tenant's complaints, without the complainants' details. */
export function PlatformComplaints() {
  const api = useApi();
  const [page] = createResource(() => api.platform.complaints.list.query({ limit: 100 }));
  return (
    <section aria-label="Complaints of every tenant">
      <Switch fallback={<Loading what="complaints" />}>
        <Match when={page.error}>
          <ErrorNotice error={describeApiError(page.error)} />
        </Match>
        <Match when={page()}>
          {(loaded) => (
            <Show when={loaded().complaints.length > 0} fallback={<EmptyState title="No complaints yet">Complaints sent to any tenant appear here, without the complainant's details.</EmptyState>}>
              <ul class="cards">
                <For each={loaded().complaints}>
                  {(complaint) => (
                    <li class="card">
                      <strong>
                        {complaint.reference}: {complaint.category}
                      </strong>
                      <span class="muted">
                        tenant <code>{complaint.tenantId}</code> · received {formatDate(complaint.receivedAt)} · <span class="badge">{complaint.status}</span>
                        {complaint.escalatedTo ? ` · escalated to ${complaint.escalatedTo}` : ""}
                      </span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
