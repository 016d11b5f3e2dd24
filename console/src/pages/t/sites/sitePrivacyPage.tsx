import { createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { choicesAtLeast, consentModes, createPrivacyStore, parseSelectors, textMaskingLevels, type DraftSettings, type PrivacySettings } from "../../../data/privacyStore.js";
import { createAction } from "../../../ui/createAction.js";
import { ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { ProgressBar } from "../../../ui/progressBar.js";
import { notify } from "../../../ui/toasts.js";
import { useTenant } from "../tenantContext.js";
import { CookieTable, PolicyPreview } from "./policyPreview.js";
import { useSite } from "./siteContext.js";

const consentWords: Record<string, string> = {
  none: "none: record every visitor",
  "opt-out": "opt-out: record until the visitor opts out",
  required: "required: record only after consent",
};
const retentionWords = { rawRecordings: "Recordings", sessionMetadata: "Session details", aggregates: "Aggregated statistics" } as const;

/** `/t/:tenantId/sites/:siteId/privacy`: settings within the policy's bounds, the policy page previewed live. */
export default function SitePrivacyPage() {
  const tenant = useTenant();
  const { siteId, store: siteStore } = useSite();
  const store = createPrivacyStore(useApi(), tenant.tenantId, siteId);
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  const save = createAction(async () => {
    const result = await store.save();
    notify(result.tightened.length ? "Saved. Stored data is being brought in line with the stricter settings." : "Saved. It applies to what is recorded from now on.");
  });
  const pageSite = () => {
    const site = siteStore.site()!;
    return { siteName: site.name, optOutUrl: `${window.location.origin}/optout/${site.siteKey}`, contactUrl: `${window.location.origin}/complaints/${site.siteKey}` };
  };
  return (
    <Switch fallback={<Loading what="privacy settings" />}>
      <Match when={store.saved.error}>
        <ErrorNotice error={describeApiError(store.saved.error)} />
      </Match>
      <Match when={store.saved()}>
        {(saved) => (
          <div class="two-columns">
            <section aria-labelledby="privacy-settings">
              <h2 id="privacy-settings">Settings</h2>
              <p class="muted">
                Policy <code>{saved().policyId}</code> version {saved().policyVersion}. The public page:{" "}
                <a href={`/privacy/${siteStore.site()!.siteKey}`} target="_blank" rel="noopener">
                  privacy policy
                </a>
                .
              </p>
              <form
                class="stack"
                onSubmit={(event) => {
                  event.preventDefault();
                  void save.run();
                }}
              >
                <ErrorNotice error={save.error()} />
                <SettingsFields saved={saved()} draft={store.draft()!} onChange={store.setDraft} disabled={!canWrite} error={save.error() ?? store.preview.latest?.refusal ?? null} />
                <Show when={canWrite} fallback={<p class="muted">Only owners and admins change privacy settings.</p>}>
                  <button type="submit" class="primary" disabled={save.pending()}>
                    Save privacy settings
                  </button>
                </Show>
              </form>
              <Show when={store.job()}>
                {(job) => (
                  <div class="notice" role="status">
                    <Switch>
                      <Match when={job().state === "queued" || job().state === "running"}>
                        <ProgressBar label="Applying the stricter settings to stored recordings" done={job().progress.done} total={job().progress.total} />
                      </Match>
                      <Match when={job().state === "done"}>
                        <p>Stored data now follows the new settings ({job().progress.done} items checked).</p>
                      </Match>
                      <Match when={job().state === "failed"}>
                        <p>Applying the settings to stored data failed: {job().error}. It is retried automatically.</p>
                      </Match>
                    </Switch>
                  </div>
                )}
              </Show>
              <h2>Cookies</h2>
              <Show when={store.cookies()} fallback={<Loading what="the cookie table" />}>
                {(rows) => <CookieTable rows={rows()} caption="What the recorder sets on visitors' browsers" />}
              </Show>
            </section>
            <section aria-labelledby="policy-preview">
              <h2 id="policy-preview">Policy page preview</h2>
              <p class="muted" role="status">
                {store.preview.loading ? "Updating the preview…" : store.preview.latest?.refusal ? "These settings would be refused (see beside the fields); the preview shows the last valid ones." : "As visitors will read it once saved."}
              </p>
              <ErrorNotice error={store.preview.error ? describeApiError(store.preview.error) : null} />
              <Show when={store.preview.latest?.policy}>{(policy) => <PolicyPreview policy={policy()} site={pageSite()} />}</Show>
            </section>
          </div>
        )}
      </Match>
    </Switch>
  );
}

function SettingsFields(props: { saved: PrivacySettings; draft: DraftSettings; onChange(next: DraftSettings): void; disabled: boolean; error: ReturnType<typeof describeApiError> | null }) {
  const [nonSensitive, setNonSensitive] = createSignal(props.draft.nonSensitiveSelectors.join("\n"));
  const [masked, setMasked] = createSignal(props.draft.maskedSelectors.join("\n"));
  const change = (patch: Partial<DraftSettings>) => props.onChange({ ...props.draft, ...patch });
  const consentId = createUniqueId();
  const maskingId = createUniqueId();
  return (
    <fieldset class="stack" disabled={props.disabled}>
      <legend class="muted">Within the bounds of the policy</legend>
      <div class="field">
        <label for={consentId}>Consent mode</label>
        <select id={consentId} value={props.draft.consentMode} onChange={(e) => change({ consentMode: e.currentTarget.value as DraftSettings["consentMode"] })}>
          <For each={choicesAtLeast(consentModes, props.saved.bounds.minimumConsentMode)}>{(mode) => <option value={mode}>{consentWords[mode]}</option>}</For>
        </select>
        <FieldError error={fieldError(props.error, "settings.consentMode")} />
      </div>
      <div class="field">
        <label for={maskingId}>Text masking</label>
        <select id={maskingId} value={props.draft.textMasking} onChange={(e) => change({ textMasking: e.currentTarget.value as DraftSettings["textMasking"] })}>
          <For each={choicesAtLeast(textMaskingLevels, props.saved.bounds.minimumTextMasking)}>{(level) => <option value={level}>{level}</option>}</For>
        </select>
        <FieldError error={fieldError(props.error, "settings.textMasking")} />
      </div>
      <SelectorList
        label="Non-sensitive fields"
        hint={`CSS selectors of inputs whose typed text is kept (a search box), one a line; at most ${props.saved.bounds.maxNonSensitiveSelectors}. Passwords and card fields are never kept.`}
        value={nonSensitive()}
        onInput={(text) => {
          setNonSensitive(text);
          change({ nonSensitiveSelectors: parseSelectors(text) });
        }}
        error={fieldError(props.error, "settings.nonSensitiveSelectors")}
      />
      <SelectorList
        label="Extra masked elements"
        hint="CSS selectors of elements whose text is always masked, one a line."
        value={masked()}
        onInput={(text) => {
          setMasked(text);
          change({ maskedSelectors: parseSelectors(text) });
        }}
        error={fieldError(props.error, "settings.maskedSelectors")}
      />
      <For each={Object.entries(retentionWords) as [keyof typeof retentionWords, string][]}>
        {([key, words]) => {
          const bounds = props.saved.bounds.retention[key];
          return (
            <TextField
              label={`${words}: days kept`}
              hint={`Between ${bounds.minDays} and ${bounds.maxDays} days; the policy's default is ${bounds.defaultDays}.`}
              type="number"
              inputmode="numeric"
              min={bounds.minDays}
              max={bounds.maxDays}
              placeholder={String(bounds.defaultDays)}
              value={props.draft.retentionDays[key] ?? ""}
              onInput={(e) => {
                const days = e.currentTarget.value === "" ? undefined : Number(e.currentTarget.value);
                const retentionDays = { ...props.draft.retentionDays };
                if (days === undefined) delete retentionDays[key];
                else retentionDays[key] = days;
                change({ retentionDays });
              }}
              error={fieldError(props.error, `settings.retentionDays.${key}`)}
            />
          );
        }}
      </For>
    </fieldset>
  );
}

function SelectorList(props: { label: string; hint: string; value: string; onInput(text: string): void; error: string | undefined }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <textarea id={id} rows={3} aria-describedby={`${id}-hint`} aria-invalid={props.error ? "true" : undefined} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      <FieldError error={props.error} />
    </div>
  );
}

function FieldError(props: { error: string | undefined }) {
  return (
    <Show when={props.error}>
      <p class="field-error">{props.error}</p>
    </Show>
  );
}
