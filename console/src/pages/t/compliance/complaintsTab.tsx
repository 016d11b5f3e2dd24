import { A } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError } from "../../../api/describeApiError.js";
import { complaintStatuses, createComplaintsStore, type ComplaintStatus } from "../../../data/complaintsStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { siteName } from "./siteName.js";
import { NewerOlderPager } from "../../../ui/newerOlderPager.js";

/** MS-4.3: complaints sent through each site's complaint form, by status. */
export function ComplaintsTab(props: { sites: readonly Site[] }) {
  const tenant = useTenant();
  const store = createComplaintsStore(useApi(), tenant.tenantId);
  return (
    <section aria-label="Complaints">
      <div class="field narrow">
        <label for="complaint-status">Status</label>
        <select id="complaint-status" value={store.status()} onChange={(e) => store.filter(e.currentTarget.value as ComplaintStatus | "")}>
          <option value="">any</option>
          <For each={complaintStatuses}>{(status) => <option value={status}>{status}</option>}</For>
        </select>
      </div>
      <Switch fallback={<Loading what="complaints" />}>
        <Match when={store.page.error}>
          <ErrorNotice error={describeApiError(store.page.error)} />
        </Match>
        <Match when={store.page()}>
          {(page) => (
            <Show when={page().complaints.length > 0} fallback={<EmptyState title="No complaints yet">Visitors complain through the form linked from each site's privacy policy page; they arrive here.</EmptyState>}>
              <ul class="cards">
                <For each={page().complaints}>
                  {(complaint) => (
                    <li class="card">
                      <A href={`/t/${tenant.tenantId}/compliance/complaints/${complaint.complaintId}`}>
                        {complaint.reference}: {complaint.category} from {complaint.complainantName}
                      </A>
                      <span class="muted">
                        {siteName(props.sites, complaint.siteId)} · received {formatDate(complaint.receivedAt)} · <span class="badge">{complaint.status}</span> · {complaint.responseCount} responses
                      </span>
                    </li>
                  )}
                </For>
              </ul>
              <NewerOlderPager pageNumber={store.pageNumber()} hasOlder={Boolean(page().nextCursor)} onNewer={() => store.previous()} onOlder={() => store.next()} />
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
