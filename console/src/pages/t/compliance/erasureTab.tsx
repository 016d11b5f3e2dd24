import { createSignal, Show } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { fieldError } from "../../../api/describeApiError.js";
import { receiptDownload, type ErasureReceipt } from "../../../data/complianceStore.js";
import type { Site } from "../../../data/sitesStore.js";
import { createAction } from "../../../ui/createAction.js";
import { formatDate } from "../../../ui/formatDate.js";
import { ErrorNotice, TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { SiteSelect } from "./siteSelect.js";

/** Erases one visitor of one site, by the id the site's opt-out page showed them, with a receipt. */
export function ErasureTab(props: { sites: readonly Site[] }) {
  const api = useApi();
  const tenant = useTenant();
  const [siteId, setSiteId] = createSignal("");
  const [visitorId, setVisitorId] = createSignal("");
  const [receipt, setReceipt] = createSignal<ErasureReceipt | null>(null);
  const erase = createAction(async () => {
    setReceipt(await api.compliance.eraseVisitor.mutate({ tenantId: tenant.tenantId, siteId: siteId(), visitorId: visitorId().trim() }));
  });
  const download = () => {
    const shown = receipt();
    return shown ? receiptDownload(shown, `erasure-${shown.receiptId}.json`) : null;
  };
  return (
    <section aria-label="Visitor erasure">
      <p>The visitor quotes the id their browser was shown on the site's opt-out page. Erasing deletes their sessions, page views, recordings and survey answers, and records their opt-out.</p>
      <form
        class="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          setReceipt(null);
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
      <Show when={receipt()}>
        {(shown) => (
          <div class="shown-once" role="status">
            <p>
              <strong>Erased {formatDate(shown().erasedAt)}.</strong> Receipt <code>{shown().receiptId}</code>: {shown().counts.sessions} sessions, {shown().counts.pageViews} page views, {shown().counts.recordingChunks} recording chunks,{" "}
              {shown().counts.surveyResponses} survey answers removed; opt-out {shown().optOut}.
            </p>
            <p>{shown().statement}</p>
            <a class="button-link" href={download()!.href} download={download()!.fileName}>
              Download the receipt
            </a>
          </div>
        )}
      </Show>
    </section>
  );
}
