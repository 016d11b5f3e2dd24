import { A, useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { useApi } from "../api/apiContext.js";
import { fieldError } from "../api/describeApiError.js";
import { useSession } from "../session/sessionContext.js";
import { createAction } from "../ui/createAction.js";
import { ErrorNotice, TextField } from "../ui/formControls.js";
import { PublicShell } from "../ui/publicShell.js";

/** `/sign-up`: an account and its first tenant, then straight to adding a site. */
export default function SignUpPage() {
  const api = useApi();
  const session = useSession();
  const navigate = useNavigate();
  const [form, setForm] = createSignal({ name: "", email: "", password: "", tenantName: "" });
  const update = (key: keyof ReturnType<typeof form>) => (event: { currentTarget: HTMLInputElement }) => setForm({ ...form(), [key]: event.currentTarget.value });
  const signUp = createAction(async () => {
    const { tenantId } = await api.auth.signUp.mutate(form());
    await session.refresh();
    navigate(`/t/${tenantId}/sites`, { replace: true });
  });
  return (
    <PublicShell title="Create your account">
      <form
        class="stack narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void signUp.run();
        }}
      >
        <ErrorNotice error={signUp.error()} />
        <TextField label="Your name" name="name" autocomplete="name" required value={form().name} onInput={update("name")} error={fieldError(signUp.error(), "name")} />
        <TextField label="Email" type="email" name="email" autocomplete="email" required value={form().email} onInput={update("email")} error={fieldError(signUp.error(), "email")} />
        <TextField
          label="Password"
          type="password"
          name="password"
          autocomplete="new-password"
          hint="At least 10 characters."
          required
          value={form().password}
          onInput={update("password")}
          error={fieldError(signUp.error(), "password")}
        />
        <TextField
          label="Organisation"
          name="tenantName"
          hint="Your workspace: sites, members and API keys belong to it."
          required
          value={form().tenantName}
          onInput={update("tenantName")}
          error={fieldError(signUp.error(), "tenantName")}
        />
        <button type="submit" class="primary" disabled={signUp.pending()}>
          {signUp.pending() ? "Creating…" : "Create account"}
        </button>
      </form>
      <p>
        Already have an account? <A href="/sign-in">Sign in</A>.
      </p>
    </PublicShell>
  );
}
