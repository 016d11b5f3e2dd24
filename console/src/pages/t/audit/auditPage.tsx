import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { createAuditStore, noAuditFilter, type AuditFilter } from "../../../data/auditStore.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { FilterButtons } from "../../../ui/filterButtons.js";
import { NewerOlderPager } from "../../../ui/newerOlderPager.js";

/** `/t/:tenantId/audit`: who did what, newest first, filtered and paged. */
export default function AuditPage() {
  const tenant = useTenant();
  const store = createAuditStore(useApi(), tenant.tenantId);
  // The form edits a draft; the server filters when it is applied, not at every keystroke.
  const [draft, setDraft] = createSignal<AuditFilter>(noAuditFilter);
  const error = () => (store.page.error ? describeApiError(store.page.error) : null);
  const shown = () => store.page()?.entries ?? [];
  return (
    <>
      <h1>Audit log</h1>
      <form
        class="row"
        role="search"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          store.setFilter(draft());
        }}
      >
        <TextField label="Action starts with" placeholder="e.g. site. or apiKey.create" value={draft().action} onInput={(e) => setDraft({ ...draft(), action: e.currentTarget.value })} error={fieldError(error(), "action")} />
        <div class="field">
          <label for="audit-actor">Done by</label>
          <select id="audit-actor" value={draft().actorType} onChange={(e) => setDraft({ ...draft(), actorType: e.currentTarget.value as AuditFilter["actorType"] })}>
            <option value="">anyone</option>
            <option value="user">a person</option>
            <option value="apiKey">an API key</option>
            <option value="system">the system</option>
          </select>
        </div>
        <TextField label="Actor id" placeholder="e.g. usr_… or key_…" value={draft().actorId} onInput={(e) => setDraft({ ...draft(), actorId: e.currentTarget.value })} error={fieldError(error(), "actorId")} />
        <TextField label="From (day)" type="date" value={draft().fromDay} onInput={(e) => setDraft({ ...draft(), fromDay: e.currentTarget.value })} error={fieldError(error(), "from")} />
        <TextField label="To (day, included)" type="date" value={draft().toDay} onInput={(e) => setDraft({ ...draft(), toDay: e.currentTarget.value })} error={fieldError(error(), "to")} />
        <FilterButtons
          onClear={() => {
            setDraft(noAuditFilter);
            store.setFilter(noAuditFilter);
          }}
        />
      </form>
      <Switch fallback={<Loading what="the audit log" />}>
        <Match when={store.page.error}>
          <ErrorNotice error={error()} />
        </Match>
        <Match when={store.page()}>
          <Show when={shown().length > 0} fallback={<EmptyState title="No entries here">Changes to sites, members, keys and privacy are recorded as they happen; try a wider filter or the next page.</EmptyState>}>
            <div class="table-scroll">
              <table class="responsive">
                <caption class="muted">Page {store.pageNumber()}</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Action</th>
                    <th scope="col">By</th>
                    <th scope="col">Target</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={shown()}>
                    {(entry) => (
                      <tr>
                        <td data-label="When">{formatDate(entry.at)}</td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>
                          {entry.actor.type} <code>{entry.actor.id}</code>
                          {entry.actor.platform ? " (platform staff)" : ""}
                        </td>
                        <td>
                          {entry.target.type} <code>{entry.target.id}</code>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        </Match>
      </Switch>
      <NewerOlderPager pageNumber={store.pageNumber()} hasOlder={Boolean(store.page()?.nextCursor)} onNewer={() => store.previous()} onOlder={() => store.next()} />
    </>
  );
}
