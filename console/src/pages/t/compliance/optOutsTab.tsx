import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { createOptOutsStore } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { OptOutVerification } from "./optOutVerification.js";
import { siteName } from "./siteName.js";

/** MS-4.1: how many visitors opted out, per site and day. */
export function OptOutsTab(props: { sites: readonly Site[] }) {
  const store = createOptOutsStore(useApi(), useTenant().tenantId);
  const [from, setFrom] = createSignal("");
  const [to, setTo] = createSignal("");
  const error = () => (store.optOuts.error ? describeApiError(store.optOuts.error) : null);
  return (
    <section aria-label="Opt-outs">
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          store.setRange({ ...(from() ? { from: from() } : {}), ...(to() ? { to: to() } : {}) });
        }}
      >
        <TextField label="From (UTC day)" type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} error={fieldError(error(), "from")} />
        <TextField label="To (UTC day)" type="date" value={to()} onInput={(e) => setTo(e.currentTarget.value)} error={fieldError(error(), "to")} />
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      <Switch fallback={<Loading what="opt-outs" />}>
        <Match when={error()}>
          <ErrorNotice error={error()} />
        </Match>
        <Match when={store.optOuts()}>
          {(optOuts) => (
            <Show when={optOuts().days.length > 0} fallback={<EmptyState title="No opt-outs in this range">Each site's policy page links its opt-out page; opt-outs are counted here as visitors use it.</EmptyState>}>
              <p>
                <strong>{optOuts().total}</strong> opt-outs in this range.
              </p>
              <div class="table-scroll">
                <table class="responsive">
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col">Site</th>
                      <th scope="col">Opt-outs</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={optOuts().days}>
                      {(day) => (
                        <tr>
                          <td>{day.day}</td>
                          <td data-label="Site">{siteName(props.sites, day.siteId)}</td>
                          <td data-label="Opt-outs">{day.optOuts}</td>
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
      <OptOutVerification sites={props.sites} />
    </section>
  );
}
