import { For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError } from "../../../api/describeApiError.js";
import { createOptOutVerificationStore } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { siteName } from "./siteName.js";
import { NewerOlderPager } from "../../../ui/newerOlderPager.js";

/** MS-4.1: for each opt-out, proof that nothing of that visitor was stored after it. */
export function OptOutVerification(props: { sites: readonly Site[] }) {
  const store = createOptOutVerificationStore(useApi(), useTenant().tenantId);
  const error = () => (store.page.error ? describeApiError(store.page.error) : null);
  return (
    <section aria-labelledby="opt-out-verification">
      <h2 id="opt-out-verification">Nothing stored after each opt-out</h2>
      <Switch fallback={<Loading what="the opt-out verification" />}>
        <Match when={error()}>
          <ErrorNotice error={error()} />
        </Match>
        <Match when={store.page()}>
          {(page) => (
            <Show when={page().optOuts.length > 0} fallback={<EmptyState title="No opt-outs to verify">Once visitors opt out on a site's opt-out page, each opt-out is checked here.</EmptyState>}>
              <p role="status">
                <Show when={page().breached === 0} fallback={<span class="badge breach">{page().breached} opt-outs on this page have data stored after them</span>}>
                  <span class="badge ok">Verified: nothing stored after any opt-out on this page</span>
                </Show>
              </p>
              <div class="table-scroll">
                <table class="responsive">
                  <caption class="muted">Page {store.pageNumber()}, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Opted out</th>
                      <th scope="col">Site</th>
                      <th scope="col">Chunks stored after</th>
                      <th scope="col">Check</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page().optOuts}>
                      {(optOut) => (
                        <tr>
                          <td data-label="Opted out">{formatDate(optOut.optedOutAt)}</td>
                          <td data-label="Site">{siteName(props.sites, optOut.siteId)}</td>
                          <td data-label="Chunks stored after">{optOut.chunksStoredAfter}</td>
                          <td data-label="Check">{optOut.chunksStoredAfter === 0 ? <span class="badge ok">nothing stored</span> : <span class="badge breach">data stored after opt-out</span>}</td>
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
