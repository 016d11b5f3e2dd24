import { A, Navigate } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { useApi } from "../api/apiContext.js";
import { fieldError } from "../api/describeApiError.js";
import { useSession } from "../session/sessionContext.js";
import { createAction } from "../ui/createAction.js";
import { ErrorNotice, Loading, TextField } from "../ui/formControls.js";
import { PublicShell } from "../ui/publicShell.js";

/** `/account`: change password, and the tenants this account belongs to. */
export default function AccountPage() {
  const api = useApi();
  const { me } = useSession();
  const [current, setCurrent] = createSignal("");
  const [next, setNext] = createSignal("");
  const [changed, setChanged] = createSignal(false);
  const change = createAction(async () => {
    await api.auth.changePassword.mutate({ currentPassword: current(), newPassword: next() });
    setCurrent("");
    setNext("");
    setChanged(true);
  });
  return (
    <Show when={me()} fallback={<Loading what="your account" />}>
      {(loaded) => (
        <Show when={loaded().user} fallback={<Navigate href="/sign-in?next=/account" />}>
          {(user) => (
            <PublicShell title="Your account">
              <p>
                Signed in as {user().name} ({user().email}).
              </p>
              <h2>Your tenants</h2>
              <Show when={loaded().tenants.length > 0} fallback={<p>You belong to no tenant yet. Ask an admin for an invitation link.</p>}>
                <ul>
                  <For each={loaded().tenants}>
                    {(tenant) => (
                      <li>
                        <A href={`/t/${tenant.tenantId}/sites`}>{tenant.name}</A> ({tenant.role})
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <h2>Change password</h2>
              <form
                class="stack narrow"
                onSubmit={(event) => {
                  event.preventDefault();
                  setChanged(false);
                  void change.run();
                }}
              >
                <ErrorNotice error={change.error()} />
                <Show when={changed()}>
                  <p class="notice success" role="status">
                    Your password is changed. Other sessions of this account were signed out.
                  </p>
                </Show>
                <TextField
                  label="Current password"
                  type="password"
                  autocomplete="current-password"
                  required
                  value={current()}
                  onInput={(e) => setCurrent(e.currentTarget.value)}
                  error={fieldError(change.error(), "currentPassword")}
                />
                <TextField
                  label="New password"
                  type="password"
                  autocomplete="new-password"
                  hint="At least 10 characters."
                  required
                  value={next()}
                  onInput={(e) => setNext(e.currentTarget.value)}
                  error={fieldError(change.error(), "newPassword")}
                />
                <button type="submit" class="primary" disabled={change.pending()}>
                  Change password
                </button>
              </form>
            </PublicShell>
          )}
        </Show>
      )}
    </Show>
  );
}
