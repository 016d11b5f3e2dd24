import { createEffect, createSignal, For, Match, on, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { fieldError } from "../../../api/describeApiError.js";
import { createPastPurgesStore, createPurgeWatcher, receiptDownload } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { createAction } from "../../../ui/createAction.js";
import { formatDate } from "../../../ui/formatDate.js";
import { ErrorNotice, TextField } from "../../../ui/formControls.js";
import { ProgressBar } from "../../../ui/progressBar.js";
import { useTenant } from "../tenantContext.js";
import { PastPurges } from "./pastPurges.js";
import { siteName } from "./siteName.js";
import { SiteSelect } from "./siteSelect.js";

/** MS-1.7: deletes the analytics of one site or all, with progress and a sealed receipt. */
export function PurgesTab(props: { sites: readonly Site[]; tenantName: string }) {
  const tenant = useTenant();
  const api = useApi();
  const purge = createPurgeWatcher(api, tenant.tenantId);
  const past = createPastPurgesStore(api, tenant.tenantId);
  // A purge started or followed here shows in the list as soon as its state changes.
  createEffect(on(() => purge.status()?.state, (state) => state !== undefined && past.reload(), { defer: true }));
  const [siteId, setSiteId] = createSignal("");
  const [confirm, setConfirm] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [lookup, setLookup] = createSignal("");
  const expected = () => (siteId() ? siteName(props.sites, siteId()) : props.tenantName);
  const start = createAction(() => purge.start({ ...(siteId() ? { siteId: siteId() } : {}), confirm: confirm(), ...(reason().trim() ? { reason: reason() } : {}) }));
  const find = createAction(() => purge.follow(lookup().trim()));
  return (
    <section aria-label="Purges">
      <h2>Purge analytics</h2>
      <form
        class="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void start.run();
        }}
      >
        <ErrorNotice error={start.error()} />
        <SiteSelect sites={props.sites} value={siteId()} onChange={setSiteId} allLabel="Every site of this tenant" error={fieldError(start.error(), "siteId")} />
        <TextField label="Reason" hint="On the receipt and in the audit log." value={reason()} onInput={(e) => setReason(e.currentTarget.value)} error={fieldError(start.error(), "reason")} />
        <TextField label={`Type “${expected()}” to confirm`} autocomplete="off" required value={confirm()} onInput={(e) => setConfirm(e.currentTarget.value)} error={fieldError(start.error(), "confirm")} />
        <button type="submit" class="danger" disabled={start.pending() || confirm() !== expected()}>
          Purge analytics
        </button>
      </form>
      <h2>Follow a purge</h2>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          void find.run();
        }}
      >
        <TextField label="Purge id" autocomplete="off" value={lookup()} onInput={(e) => setLookup(e.currentTarget.value)} error={fieldError(find.error(), "purgeId")} />
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      <ErrorNotice error={find.error()} />
      <Show when={purge.status()}>
        {(status) => (
          <div class="notice" role="status">
            <p>
              Purge <code>{status().purgeId}</code> of {siteName(props.sites, status().siteId)}, requested {formatDate(status().requestedAt)}: <strong>{status().state}</strong>
            </p>
            <Switch>
              <Match when={status().state !== "done"}>
                <ProgressBar label="Collections purged" done={status().collections.filter((c) => c.state === "deleted").length} total={status().collections.length || null} />
              </Match>
              <Match when={status().receipt}>
                {(receipt) => {
                  const file = receiptDownload(receipt(), `purge-${status().purgeId}.json`);
                  return (
                    <>
                      <p>{receipt().statement}</p>
                      <p class="muted">
                        SHA-256 <code>{status().receiptSha256}</code>
                      </p>
                      <a class="button-link" href={file.href} download={file.fileName}>
                        Download the receipt
                      </a>
                    </>
                  );
                }}
              </Match>
            </Switch>
            <ul>
              <For each={status().collections}>
                {(collection) => (
                  <li>
                    <code>{collection.collection}</code>: {collection.state}, {collection.removed} removed
                  </li>
                )}
              </For>
            </ul>
          </div>
        )}
      </Show>
      <PastPurges sites={props.sites} store={past} />
    </section>
  );
}
