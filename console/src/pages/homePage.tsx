import { Navigate } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { useSession } from "../session/sessionContext.js";
import { ErrorNotice, Loading } from "../ui/formControls.js";
import { describeApiError } from "../api/describeApiError.js";
import { PublicShell } from "../ui/publicShell.js";

/** `/`: to the first tenant of who is signed in, to sign-in otherwise. */
export function HomePage() {
  const { me } = useSession();
  return (
    <Switch fallback={<Loading what="your account" />}>
      <Match when={me.error}>
        <PublicShell title="Mousetrail">
          <ErrorNotice error={describeApiError(me.error)} />
        </PublicShell>
      </Match>
      <Match when={me() && !me()!.user}>
        <Navigate href="/sign-in" />
      </Match>
      <Match when={me()?.tenants[0]}>{(tenant) => <Navigate href={`/t/${tenant().tenantId}/sites`} />}</Match>
      <Match when={me()?.user?.platform}>
        <Navigate href="/staff" />
      </Match>
      <Match when={me()?.user}>
        <Navigate href="/account" />
      </Match>
    </Switch>
  );
}
