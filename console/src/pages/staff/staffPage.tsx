import { Tabs } from "@kobalte/core/tabs";
import { A, Navigate, useSearchParams } from "@solidjs/router";
import { Match, Switch } from "solid-js";
import { useSession } from "../../session/sessionContext.js";
import { Loading } from "../../ui/formControls.js";
import { ServerLinks } from "../../ui/publicShell.js";
import { ToastRegion } from "../../ui/toasts.js";
import { PlatformComplaints } from "./platformComplaints.js";
import { PolicyPublishing } from "./policyPublishing.js";
import { TenantPurge } from "./tenantPurge.js";
import { TenantsList } from "./tenantsList.js";

const tabs = [
  { value: "tenants", label: "All tenants" },
  { value: "complaints", label: "Complaints" },
  { value: "policies", label: "Policy publishing" },
  { value: "purge", label: "Tenant purge" },
] as const;

/** `/staff?tab=…`: what platform staff do across tenants; every call lands in the audit log. */
export default function StaffPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const current = () => (tabs.some((tab) => tab.value === params.tab) ? (params.tab as string) : "tenants");
  const home = () => me()?.tenants[0];
  return (
    <Switch fallback={<Loading what="your account" />}>
      <Match when={me() && !me()!.user}>
        <Navigate href="/sign-in?next=/staff" />
      </Match>
      <Match when={me() && !me()!.user!.platform}>
        <main id="main" class="public-main">
          <h1>Platform staff only</h1>
          <p>
            These screens are for the platform's staff. <A href="/">Back to your console</A>.
          </p>
        </main>
      </Match>
      <Match when={me()?.user?.platform}>
        <div class="tenant-shell">
          <header class="topbar">
            <A class="brand" href={home() ? `/t/${home()!.tenantId}/sites` : "/staff"}>
              Mousetrail
            </A>
            <span>Platform</span>
            <div class="account">
              <A href="/account">{me()?.user?.name}</A>
            </div>
          </header>
          <main id="main" class="content">
            <h1>Platform</h1>
            <Tabs value={current()} onChange={(tab) => setParams({ tab }, { replace: true })}>
              <Tabs.List class="tabs-list" aria-label="Platform">
                {tabs.map((tab) => (
                  <Tabs.Trigger class="tab" value={tab.value}>
                    {tab.label}
                  </Tabs.Trigger>
                ))}
              </Tabs.List>
              <Tabs.Content value="tenants">
                <TenantsList />
              </Tabs.Content>
              <Tabs.Content value="complaints">
                <PlatformComplaints />
              </Tabs.Content>
              <Tabs.Content value="policies">
                <PolicyPublishing />
              </Tabs.Content>
              <Tabs.Content value="purge">
                <TenantPurge />
              </Tabs.Content>
            </Tabs>
          </main>
          <ServerLinks />
          <ToastRegion />
        </div>
      </Match>
    </Switch>
  );
}
