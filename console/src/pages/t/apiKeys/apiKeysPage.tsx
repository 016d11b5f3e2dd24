import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../api/describeApiError.js";
import { apiKeyScopes, createApiKeysStore, type ApiKeyScope } from "../../../data/apiKeysStore.js";
import { ConfirmDialog } from "../../../ui/confirmDialog.js";
import { CopyButton } from "../../../ui/copyButton.js";
import { createAction } from "../../../ui/createAction.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";

/** `/t/:tenantId/api-keys`: create with scopes (the key shown once), revoke, last used. */
export default function ApiKeysPage() {
  const tenant = useTenant();
  const store = createApiKeysStore(useApi(), tenant.tenantId);
  const [name, setName] = createSignal("");
  const [scopes, setScopes] = createSignal<ApiKeyScope[]>(["reports:read"]);
  const [secret, setSecret] = createSignal<string | null>(null);
  const create = createAction(async () => {
    setSecret(await store.create(name(), scopes()));
    setName("");
  });
  const revoke = createAction(async (keyId: string) => {
    await store.revoke(keyId);
    return true;
  });
  const toggle = (scope: ApiKeyScope, on: boolean) => setScopes(on ? [...scopes(), scope] : scopes().filter((s) => s !== scope));
  return (
    <>
      <h1>API keys</h1>
      <p>
        Keys let your own code call the API with the typed client (<code>createClient</code> of <code>@mousetrail/client-sdk</code>) or plain HTTP, described at <a href="/openapi.json">/openapi.json</a>.
      </p>
      <section aria-labelledby="new-key">
        <h2 id="new-key">Create a key</h2>
        <form
          class="stack narrow"
          onSubmit={(event) => {
            event.preventDefault();
            setSecret(null);
            void create.run();
          }}
        >
          <ErrorNotice error={create.error()} />
          <TextField label="Key name" hint="What uses it, e.g. “nightly export”." required value={name()} onInput={(e) => setName(e.currentTarget.value)} error={fieldError(create.error(), "name")} />
          <fieldset class="stack">
            <legend>Scopes</legend>
            <For each={apiKeyScopes}>
              {(option) => (
                <label>
                  <input type="checkbox" checked={scopes().includes(option.scope)} onChange={(e) => toggle(option.scope, e.currentTarget.checked)} /> <code>{option.scope}</code>: {option.description}
                </label>
              )}
            </For>
            <Show when={fieldError(create.error(), "scopes")}>
              <p class="field-error">{fieldError(create.error(), "scopes")}</p>
            </Show>
          </fieldset>
          <button type="submit" class="primary" disabled={create.pending()}>
            Create key
          </button>
        </form>
        <Show when={secret()}>
          {(shown) => (
            <div class="shown-once" role="status">
              <p>
                <strong>Copy the key now: it is shown only once.</strong> Only a hash of it is stored.
              </p>
              <p>
                <code class="api-key-secret">{shown()}</code>
              </p>
              <CopyButton value={shown()} label="Copy key" />
            </div>
          )}
        </Show>
      </section>
      <h2>Keys</h2>
      <ErrorNotice error={revoke.error()} />
      <Switch fallback={<Loading what="API keys" />}>
        <Match when={store.keys.error}>
          <ErrorNotice error={describeApiError(store.keys.error)} />
        </Match>
        <Match when={store.keys()}>
          {(keys) => (
            <Show when={keys().length > 0} fallback={<EmptyState title="No API keys yet">Create one above for your scripts and integrations.</EmptyState>}>
              <ul class="cards">
                <For each={keys()}>
                  {(key) => (
                    <li class="card api-key">
                      <strong>{key.name}</strong>
                      <span>
                        <code>{key.prefix}…</code> · {key.scopes.join(", ")}
                      </span>
                      <span class="muted">
                        Created {formatDate(key.createdAt)} · last used {formatDate(key.lastUsedAt)}
                      </span>
                      <Show
                        when={!key.revokedAt}
                        fallback={<span class="badge">Revoked {formatDate(key.revokedAt)}</span>}
                      >
                        <span>
                          <ConfirmDialog
                            trigger={`Revoke ${key.name}`}
                            title={`Revoke ${key.name}?`}
                            confirmLabel="Revoke key"
                            pending={revoke.pending()}
                            error={revoke.error()}
                            onConfirm={async () => Boolean(await revoke.run(key.keyId))}
                          >
                            <p>Calls with this key fail from now on. This cannot be undone.</p>
                          </ConfirmDialog>
                        </span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
    </>
  );
}
