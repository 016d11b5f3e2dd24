import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../api/apiContext.js";
import { describeApiError } from "../../api/describeApiError.js";
import { formatDate } from "../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../ui/formControls.js";

export function TenantsList() {
  const api = useApi();
  const [search, setSearch] = createSignal("");
  const [applied, setApplied] = createSignal("");
  const [tenants] = createResource(applied, (term) => api.platform.tenants.list.query({ limit: 100, ...(term ? { search: term } : {}) }));
  return (
    <section aria-label="All tenants">
      <form
        class="row"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(search().trim());
        }}
      >
        <TextField label="Tenant name contains" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <Switch fallback={<Loading what="tenants" />}>
        <Match when={tenants.error}>
          <ErrorNotice error={describeApiError(tenants.error)} />
        </Match>
        <Match when={tenants()}>
          {(list) => (
            <Show when={list().length > 0} fallback={<EmptyState title="No tenant matches">Try another part of the name.</EmptyState>}>
              <div class="table-scroll">
                <table class="responsive">
                  <thead>
                    <tr>
                      <th scope="col">Tenant</th>
                      <th scope="col">Created</th>
                      <th scope="col">Members</th>
                      <th scope="col">Sites</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(tenant) => (
                        <tr>
                          <td>
                            {tenant.name}
                            <br />
                            <code class="muted">{tenant.tenantId}</code>
                          </td>
                          <td data-label="Created">{formatDate(tenant.createdAt)}</td>
                          <td data-label="Members">{tenant.members}</td>
                          <td data-label="Sites">{tenant.sites}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
