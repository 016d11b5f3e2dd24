import { For, Match, Show, Switch } from "solid-js";
import { describeApiError } from "../../../api/describeApiError.js";
import { receiptDownload, type createPastPurgesStore } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/formControls.js";
import { siteName } from "./siteName.js";
import { NewerOlderPager } from "../../../ui/newerOlderPager.js";

/** MS-1.7: every purge of the tenant, newest first, with its receipt to download once sealed. */
export function PastPurges(props: { sites: readonly Site[]; store: ReturnType<typeof createPastPurgesStore> }) {
  const error = () => (props.store.page.error ? describeApiError(props.store.page.error) : null);
  return (
    <section aria-labelledby="past-purges">
      <h2 id="past-purges">Past purges</h2>
      <Switch fallback={<Loading what="past purges" />}>
        <Match when={error()}>
          <ErrorNotice error={error()} />
        </Match>
        <Match when={props.store.page()}>
          {(page) => (
            <Show when={page().purges.length > 0} fallback={<EmptyState title="No purges yet">A purge started above is listed here with its receipt.</EmptyState>}>
              <div class="table-scroll">
                <table class="responsive">
                  <caption class="muted">Page {props.store.pageNumber()}, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Requested</th>
                      <th scope="col">Of</th>
                      <th scope="col">Reason</th>
                      <th scope="col">State</th>
                      <th scope="col">Receipt</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page().purges}>
                      {(purge) => (
                        <tr>
                          <td data-label="Requested">{formatDate(purge.requestedAt)}</td>
                          <td data-label="Of">{siteName(props.sites, purge.siteId)}</td>
                          <td data-label="Reason">{purge.reason}</td>
                          <td data-label="State">
                            {purge.state}
                            {purge.requestedVia === "platform" ? " (by platform staff)" : ""}
                          </td>
                          <td data-label="Receipt">
                            <Show when={purge.receipt} fallback={<span class="muted">not sealed yet</span>}>
                              {(receipt) => {
                                const file = receiptDownload(receipt(), `purge-${purge.purgeId}.json`);
                                return (
                                  <a href={file.href} download={file.fileName} aria-label={`Download the receipt of purge ${purge.purgeId}`}>
                                    Receipt
                                  </a>
                                );
                              }}
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <NewerOlderPager pageNumber={props.store.pageNumber()} hasOlder={Boolean(page().nextCursor)} onNewer={() => props.store.previous()} onOlder={() => props.store.next()} />
            </Show>
          )}
        </Match>
      </Switch>
    </section>
  );
}
