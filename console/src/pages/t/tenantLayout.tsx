import { A, Navigate, useLocation, useNavigate, useParams, type RouteSectionProps } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { useApi } from "../../api/apiContext.js";
import { useSession } from "../../session/sessionContext.js";
import { Loading } from "../../ui/formControls.js";
import { ServerLinks } from "../../ui/publicShell.js";
import { ToastRegion } from "../../ui/toasts.js";
import { TenantContext } from "./tenantContext.js";
import { TenantSwitcher } from "./tenantSwitcher.js";

const sections = [
  { path: "sites", label: "Sites" },
  { path: "members", label: "Members" },
  { path: "api-keys", label: "API keys" },
  { path: "audit", label: "Audit log" },
  { path: "compliance", label: "Compliance" },
] as const;

/** `/t/:tenantId/...`: the console of one tenant. */
export default function TenantLayout(props: RouteSectionProps) {
  const params = useParams<{ tenantId: string }>();
  const { me, refresh } = useSession();
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const section = () => location.pathname.split("/")[3] ?? "sites";
  const membership = () => me()?.tenants.find((tenant) => tenant.tenantId === params.tenantId);
  const signOut = async () => {
    await api.auth.signOut.mutate();
    await refresh();
    navigate("/sign-in", { replace: true });
  };
  return (
    <Switch fallback={<Loading what="your tenant" />}>
      <Match when={me() && !me()!.user}>
        <Navigate href={`/sign-in?next=${encodeURIComponent(location.pathname)}`} />
      </Match>
      <Match when={me() && !membership()}>
        <main id="main" class="public-main">
          <h1>Tenant not found</h1>
          <p>
            You are not a member of this tenant, or it does not exist. <A href="/">Go to your own tenant</A>.
          </p>
        </main>
      </Match>
      <Match when={me() && membership()}>
        <div class="tenant-shell">
          <a class="skip-link" href="#main">
            Skip to content
          </a>
          <header class="topbar">
            <A class="brand" href={`/t/${params.tenantId}/sites`}>
              Mousetrail
            </A>
            <TenantSwitcher me={me()!} currentTenantId={params.tenantId} section={section()} />
            <nav aria-label="Tenant" class="sections">
              <ul>
                {sections.map((item) => (
                  <li>
                    <A href={`/t/${params.tenantId}/${item.path}`} activeClass="active">
                      {item.label}
                    </A>
                  </li>
                ))}
                <Show when={me()?.user?.platform}>
                  <li>
                    <A href="/staff">Platform</A>
                  </li>
                </Show>
              </ul>
            </nav>
            <div class="account">
              <A href="/account">{me()?.user?.name}</A>
              <button type="button" class="link" onClick={() => void signOut()}>
                Sign out
              </button>
            </div>
          </header>
          {/* Keyed: another tenant gets fresh stores, so nothing of the last one is ever on screen. */}
          <Show when={params.tenantId} keyed>
            {(tenantId) => (
              <TenantContext.Provider value={{ tenantId, name: membership()?.name ?? "", role: membership()!.role }}>
                <main id="main" class="content">
                  {props.children}
                </main>
              </TenantContext.Provider>
            )}
          </Show>
          <ServerLinks />
          <ToastRegion />
        </div>
      </Match>
    </Switch>
  );
}
