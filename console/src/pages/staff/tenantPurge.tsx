import type { RouterOutputs } from "@mousetrail/client-sdk";
import { createSignal, onCleanup, Show } from "solid-js";
import { useApi } from "../../api/apiContext.js";
import { fieldError } from "../../api/describeApiError.js";
import { receiptDownload } from "../../data/complianceStore.js";
import { createAction } from "../../ui/createAction.js";
import { ErrorNotice, TextField } from "../../ui/formControls.js";
import { ProgressBar } from "../../ui/progressBar.js";

type PurgeStatus = RouterOutputs["platform"]["purgeReceipt"];

/** MS-1.7: removes a tenant's analytics for a breach of the terms, with progress and receipt. */
export function TenantPurge() {
  const api = useApi();
  const [tenantId, setTenantId] = createSignal("");
  const [reason, setReason] = createSignal("");
  const [status, setStatus] = createSignal<PurgeStatus | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const follow = async (target: string, purgeId: string) => {
    const current = await api.platform.purgeReceipt.query({ tenantId: target, purgeId });
    setStatus(current);
    if (current.state !== "done") timer = setTimeout(() => void follow(target, purgeId), 1000);
  };
  const purge = createAction(async () => {
    const target = tenantId().trim();
    const started = await api.platform.purgeTenantAnalytics.mutate({ tenantId: target, reason: reason() });
    setStatus(started);
    if (started.state !== "done") timer = setTimeout(() => void follow(target, started.purgeId), 1000);
  });
  return (
    <section aria-label="Tenant purge">
      <form
        class="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void purge.run();
        }}
      >
        <ErrorNotice error={purge.error()} />
        <TextField label="Tenant id" autocomplete="off" required value={tenantId()} onInput={(e) => setTenantId(e.currentTarget.value)} error={fieldError(purge.error(), "tenantId")} />
        <TextField label="The terms breach" hint="At least 10 characters; on the receipt and in both audit logs." required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} error={fieldError(purge.error(), "reason")} />
        <button type="submit" class="danger" disabled={purge.pending()}>
          Purge the tenant's analytics
        </button>
      </form>
      <Show when={status()}>
        {(current) => (
          <div class="notice" role="status">
            <p>
              Purge <code>{current().purgeId}</code>: <strong>{current().state}</strong>
            </p>
            <Show
              when={current().receipt}
              fallback={<ProgressBar label="Collections purged" done={current().collections.filter((c) => c.state === "deleted").length} total={current().collections.length || null} />}
            >
              {(receipt) => {
                const file = receiptDownload(receipt(), `purge-${current().purgeId}.json`);
                return (
                  <a class="button-link" href={file.href} download={file.fileName}>
                    Download the receipt
                  </a>
                );
              }}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
