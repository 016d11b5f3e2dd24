import { A, useLocation, useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { useApi } from "../api/apiContext.js";
import { fieldError } from "../api/describeApiError.js";
import { useSession } from "../session/sessionContext.js";
import { createAction } from "../ui/createAction.js";
import { ErrorNotice, TextField } from "../ui/formControls.js";
import { PublicShell } from "../ui/publicShell.js";

/** The token travels in the fragment (`/invitation#token=…`), which browsers never send to a server. */
export function invitationTokenOf(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, "")).get("token") ?? "";
}

/** `/invitation#token=…`: join a tenant, creating an account first when the invitee has none. */
export default function InvitationPage() {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const token = () => invitationTokenOf(location.hash);
  const [name, setName] = createSignal("");
  const [password, setPassword] = createSignal("");
  const signedIn = () => Boolean(session.me()?.user);
  const accept = createAction(async () => {
    const account = signedIn() ? {} : { name: name(), password: password() };
    const { tenantId } = await api.auth.acceptInvitation.mutate({ token: token(), ...account });
    await session.refresh();
    navigate(`/t/${tenantId}/sites`, { replace: true });
  });
  return (
    <PublicShell title="Accept your invitation">
      <Show when={token()} fallback={<p>This link has no invitation in it. Ask whoever invited you for the link again.</p>}>
        <form
          class="stack narrow"
          onSubmit={(event) => {
            event.preventDefault();
            void accept.run();
          }}
        >
          <ErrorNotice error={accept.error()} />
          <Show
            when={signedIn()}
            fallback={
              <>
                <p>
                  Create your account to join. Already have one? <A href={`/sign-in?next=${encodeURIComponent(`/invitation${location.hash}`)}`}>Sign in first</A>.
                </p>
                <TextField label="Your name" autocomplete="name" required value={name()} onInput={(e) => setName(e.currentTarget.value)} error={fieldError(accept.error(), "name")} />
                <TextField
                  label="Password"
                  type="password"
                  autocomplete="new-password"
                  hint="At least 10 characters."
                  required
                  value={password()}
                  onInput={(e) => setPassword(e.currentTarget.value)}
                  error={fieldError(accept.error(), "password")}
                />
              </>
            }
          >
            <p>You are signed in as {session.me()?.user?.email}. Accepting adds this account to the tenant.</p>
          </Show>
          <button type="submit" class="primary" disabled={accept.pending()}>
            {accept.pending() ? "Joining…" : "Accept invitation"}
          </button>
        </form>
      </Show>
    </PublicShell>
  );
}
