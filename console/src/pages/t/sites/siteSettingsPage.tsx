import { useNavigate } from "@solidjs/router";
import { createSignal, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { fieldError } from "../../../api/describeApiError.js";
import { createRecorderSeenStore } from "../../../data/recorderSeenStore.js";
import { installSnippet, parseOrigins } from "../../../data/sitesStore.js";
import { ConfirmDialog } from "../../../ui/confirmDialog.js";
import { CopyButton } from "../../../ui/copyButton.js";
import { createAction } from "../../../ui/createAction.js";
import { ErrorNotice, TextField } from "../../../ui/formControls.js";
import { notify } from "../../../ui/toasts.js";
import { useTenant } from "../tenantContext.js";
import { useSite } from "./siteContext.js";

/** `/t/:tenantId/sites/:siteId`: install, rename, origins, key rotation, deletion. */
export default function SiteSettingsPage() {
  const tenant = useTenant();
  const { siteId, store } = useSite();
  const navigate = useNavigate();
  const site = () => store.site()!;
  const seen = createRecorderSeenStore(useApi(), tenant.tenantId, siteId);
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  const [name, setName] = createSignal(site().name);
  const [origins, setOrigins] = createSignal(site().allowedOrigins.join(" "));
  const save = createAction(async () => {
    const saved = await store.update({ name: name(), allowedOrigins: parseOrigins(origins()) });
    setOrigins(saved.allowedOrigins.join(" "));
    notify("Site saved.");
  });
  const rotate = createAction(async () => {
    await store.rotateKey();
    notify("New site key issued: update the snippet on your site.");
    return true;
  });
  const remove = createAction(async () => {
    await store.remove();
    navigate(`/t/${tenant.tenantId}/sites`, { replace: true });
    return true;
  });
  const snippet = () => installSnippet(window.location.origin, site().siteKey);
  return (
    <>
      <section aria-labelledby="install">
        <h2 id="install">Install</h2>
        <p>Put this in the &lt;head&gt; of every page of the site:</p>
        <pre class="snippet" tabindex="0" aria-label="Install snippet">
          <code>{snippet()}</code>
        </pre>
        <CopyButton value={snippet()} label="Copy snippet" />
        <p class="recorder-state" role="status" aria-live="polite">
          <Switch>
            <Match when={seen.state() === "checking"}>Checking whether the recorder has been seen…</Match>
            <Match when={seen.state() === "seen"}>
              <span class="badge ok">Recorder seen</span> Sessions are arriving from this site.
            </Match>
            <Match when={seen.state() === "not-seen"}>
              <span class="badge">Recorder not yet seen</span> Install the snippet, then visit your site: this turns to “seen” by itself.
            </Match>
            <Match when={seen.state() === "unknown"}>Your role cannot read sessions, so whether the recorder was seen is not shown.</Match>
          </Switch>
        </p>
      </section>
      <Show when={canWrite}>
        <section aria-labelledby="settings">
          <h2 id="settings">Settings</h2>
          <form
            class="stack narrow"
            onSubmit={(event) => {
              event.preventDefault();
              void save.run();
            }}
          >
            <ErrorNotice error={save.error()} />
            <TextField label="Site name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} error={fieldError(save.error(), "name")} />
            <TextField
              label="Allowed origins"
              hint="Separate several with spaces."
              required
              value={origins()}
              onInput={(e) => setOrigins(e.currentTarget.value)}
              error={fieldError(save.error(), "allowedOrigins")}
            />
            <button type="submit" class="primary" disabled={save.pending()}>
              Save
            </button>
          </form>
        </section>
        <section aria-labelledby="danger">
          <h2 id="danger">Key and deletion</h2>
          <p>
            Site key: <code>{site().siteKey}</code>
          </p>
          <div class="row">
            <ConfirmDialog
              trigger="Rotate site key"
              title="Rotate the site key?"
              confirmLabel="Rotate key"
              pending={rotate.pending()}
              error={rotate.error()}
              onConfirm={async () => Boolean(await rotate.run())}
            >
              <p>The current snippet stops recording at once; install the new one on every page.</p>
            </ConfirmDialog>
            <ConfirmDialog
              trigger="Delete site"
              title={`Delete ${site().name}?`}
              typeToConfirm={site().name}
              confirmLabel="Delete site"
              pending={remove.pending()}
              error={remove.error()}
              onConfirm={async () => Boolean(await remove.run())}
            >
              <p>The site, its settings and its recordings are deleted. This cannot be undone.</p>
            </ConfirmDialog>
          </div>
        </section>
      </Show>
    </>
  );
}
