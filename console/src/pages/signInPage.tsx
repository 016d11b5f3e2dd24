import { A, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { useApi } from "../api/apiContext.js";
import { fieldError } from "../api/describeApiError.js";
import { useSession } from "../session/sessionContext.js";
import { createAction } from "../ui/createAction.js";
import { ErrorNotice, TextField } from "../ui/formControls.js";
import { PublicShell } from "../ui/publicShell.js";

/** Only paths of this console: a crafted `?next=https://elsewhere` must not send anyone away. */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export function SignInPage() {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const signIn = createAction(async () => {
    await api.auth.signIn.mutate({ email: email(), password: password() });
    await session.refresh();
    navigate(safeNextPath(params.next), { replace: true });
  });
  return (
    <PublicShell title="Sign in">
      <form
        class="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn.run();
        }}
      >
        <ErrorNotice error={signIn.error()} />
        <TextField label="Email" type="email" name="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} error={fieldError(signIn.error(), "email")} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(signIn.error(), "password")}
        />
        <button type="submit" class="primary" disabled={signIn.pending()}>
          {signIn.pending() ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p>
        New to Mousetrail? <A href="/sign-up">Create an account</A>.
      </p>
    </PublicShell>
  );
}
