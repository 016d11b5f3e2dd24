import { A, useNavigate } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { createSitesStore, parseOrigins } from "../../../data/sitesStore.js";
import { createAction } from "../../../ui/createAction.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";

/** `/t/:tenantId/sites`: the tenant's sites and adding one. */
export default function SitesPage() {
  const tenant = useTenant();
  const store = createSitesStore(useApi(), tenant.tenantId);
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [origins, setOrigins] = createSignal("");
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  const create = createAction(async () => {
    const site = await store.create({ name: name(), allowedOrigins: parseOrigins(origins()) });
    navigate(`/t/${tenant.tenantId}/sites/${site.siteId}`);
  });
  return (
    <>
      <h1>Sites</h1>
      <Switch fallback={<Loading what="sites" />}>
        <Match when={store.sites.error}>
          <ErrorNotice error={describeApiError(store.sites.error)} />
        </Match>
        <Match when={store.sites()}>
          {(sites) => (
            <Show when={sites().length > 0} fallback={<EmptyState title="No sites yet">{canWrite ? "Add your website below, then install the snippet on it." : "An owner or admin adds sites."}</EmptyState>}>
              <ul class="cards">
                <For each={sites()}>
                  {(site) => (
                    <li class="card">
                      <A href={`/t/${tenant.tenantId}/sites/${site.siteId}`}>{site.name}</A>
                      <span class="muted wrap">{site.allowedOrigins.join(", ")}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
      <Show when={canWrite}>
        <section aria-labelledby="add-site">
          <h2 id="add-site">Add a site</h2>
          <form
            class="stack narrow"
            onSubmit={(event) => {
              event.preventDefault();
              void create.run();
            }}
          >
            <ErrorNotice error={create.error()} />
            <TextField label="Site name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} error={fieldError(create.error(), "name")} />
            <TextField
              label="Allowed origins"
              hint="Where the recorder may run, e.g. https://shop.example.com; separate several with spaces."
              required
              value={origins()}
              onInput={(e) => setOrigins(e.currentTarget.value)}
              error={fieldError(create.error(), "allowedOrigins")}
            />
            <button type="submit" class="primary" disabled={create.pending()}>
              Add site
            </button>
          </form>
        </section>
      </Show>
    </>
  );
}
