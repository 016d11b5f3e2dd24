import { createSignal, Show } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { fieldError } from "../../../api/describeApiError.js";
import { createErasureWatcher, receiptDownload, type ErasureStatus } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { createAction } from "../../../ui/createAction.js";
import { formatDate } from "../../../ui/formatDate.js";
import { ErrorNotice, TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { SiteSelect } from "./siteSelect.js";

const progressLabel: Record<ErasureStatus["progress"], string> = {
  requested: "Requested",
  running: "Running: deleting",
  "final-pass": "Final pass: waiting for batches still in flight",
  done: "Done",
};

/**
 * MS-4.1: erases one visitor of one site, by the id the site's opt-out page showed them. The
 * erasure is a job: fenced and erased at once, then a final pass once no batch received before
 * the fence can still be in flight, then the signed receipt.
 */
export function ErasureTab(props: { sites: readonly Site[] }) {
  const api = useApi();
  const tenant = useTenant();
  const [siteId, setSiteId] = createSignal("");
  const [visitorId, setVisitorId] = createSignal("");
  const watcher = createErasureWatcher(api, tenant.tenantId);
  const erase = createAction(() => watcher.start({ siteId: siteId(), visitorId: visitorId().trim() }));
  const download = () => {
    const shown = watcher.status();
    return shown?.receipt ? receiptDownload({ receipt: shown.receipt, signature: shown.signature }, `erasure-${shown.erasureId}.json`) : null;
  };
  return (
    <section aria-label="Visitor erasure">
      <p>
        The visitor quotes the id their browser was shown on the site's opt-out page. Erasing opts them out, deletes their sessions, page views, recordings and survey answers, and makes a final pass once
        nothing they sent before can still be arriving.
      </p>
      <form
        class="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          watcher.clear();
          void erase.run();
        }}
      >
        <ErrorNotice error={erase.error()} />
        <SiteSelect sites={props.sites} value={siteId()} onChange={setSiteId} error={fieldError(erase.error(), "siteId")} />
        <TextField label="Visitor id" autocomplete="off" required value={visitorId()} onInput={(e) => setVisitorId(e.currentTarget.value)} error={fieldError(erase.error(), "visitorId")} />
        <button type="submit" class="danger" disabled={erase.pending()}>
          {erase.pending() ? "Erasing…" : "Erase this visitor"}
        </button>
      </form>
      <Show when={watcher.status()}>
        {(shown) => (
          <div class="shown-once" role="status">
            <p>
              <strong>{progressLabel[shown().progress]}.</strong> Erasure <code>{shown().erasureId}</code>, requested {formatDate(shown().requestedAt)}: {shown().counts.sessions} sessions, {shown().counts.pageViews} page views,{" "}
              {shown().counts.recordingChunks} recording chunks, {shown().counts.surveyResponses} survey answers and {shown().counts.violations} violation records removed{shown().progress === "done" ? "" : " so far"}.
            </p>
            <Show when={shown().progress === "final-pass" && shown().finalPassAfter}>{(due) => <p>The final pass runs after {formatDate(due())}.</p>}</Show>
            <Show when={shown().interruptions.length > 0}>
              <p>Interrupted {shown().interruptions.length} time(s) and resumed; the receipt lists each interruption.</p>
            </Show>
            <Show when={shown().receipt}>
              {(receipt) => (
                <>
                  <p>{receipt().statement}</p>
                  <a class="button-link" href={download()!.href} download={download()!.fileName}>
                    Download the signed receipt
                  </a>
                </>
              )}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
