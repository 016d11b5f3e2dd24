import { For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError } from "../../../api/describeApiError.js";
import { countByKind, createViolationsStore } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { siteName } from "./siteName.js";
import { NewerOlderPager } from "../../../ui/newerOlderPager.js";

/** Personal data detected in what sites sent: its kind and where, never the value. */
export function ViolationsTab(props: { sites: readonly Site[] }) {
  const store = createViolationsStore(useApi(), useTenant().tenantId);
  return (
    <section aria-label="Violations">
      <Switch fallback={<Loading what="violations" />}>
        <Match when={store.page.error}>
          <ErrorNotice error={describeApiError(store.page.error)} />
        </Match>
        <Match when={store.page()}>
          {(page) => (
            <Show when={page().violations.length > 0} fallback={<EmptyState title="No violations found">Nothing that looks like personal data has reached stored recordings. Keep sensitive fields masked in each site's privacy settings.</EmptyState>}>
              <h2>By kind (this page)</h2>
              <ul>
                <For each={countByKind(page().violations)}>
                  {(row) => (
                    <li>
                      {row.kind}: {row.count}
                    </li>
                  )}
                </For>
              </ul>
              <div class="table-scroll">
                <table class="responsive">
                  <caption class="muted">Page {store.pageNumber()}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Detected</th>
                      <th scope="col">Kind</th>
                      <th scope="col">Site</th>
                      <th scope="col">Location</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page().violations}>
                      {(violation) => (
                        <tr>
                          <td>{formatDate(violation.detectedAt)}</td>
                          <td data-label="Kind">{violation.kind}</td>
                          <td data-label="Site">{siteName(props.sites, violation.siteId)}</td>
                          <td data-label="Location">
                            <code>{violation.location}</code>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <NewerOlderPager pageNumber={store.pageNumber()} hasOlder={Boolean(page().nextCursor)} onNewer={() => store.previous()} onOlder={() => store.next()} />
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
