import { A, useParams, type RouteSectionProps } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError } from "../../../api/describeApiError.js";
import { createSiteStore } from "../../../data/siteStore.js";
import { ErrorNotice, Loading } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { SiteContext } from "./siteContext.js";

/** `/t/:tenantId/sites/:siteId/...`: one site, its settings and its privacy. */
export default function SiteLayout(props: RouteSectionProps) {
  const params = useParams<{ siteId: string }>();
  const tenant = useTenant();
  const api = useApi();
  return (
    <Show when={params.siteId} keyed>
      {(siteId) => {
        const store = createSiteStore(api, tenant.tenantId, siteId);
        return (
          <SiteContext.Provider value={{ siteId, store }}>
            <p class="breadcrumb">
              <A href={`/t/${tenant.tenantId}/sites`}>Sites</A> ›
            </p>
            <Switch fallback={<Loading what="the site" />}>
              <Match when={store.site.error}>
                <ErrorNotice error={describeApiError(store.site.error)} />
              </Match>
              <Match when={store.site()}>
                {(site) => (
                  <>
                    <h1>{site().name}</h1>
                    <nav aria-label="Site" class="tabs-nav">
                      <A href={`/t/${tenant.tenantId}/sites/${siteId}/overview`} activeClass="active">
                        Overview
                      </A>
                      <A href={`/t/${tenant.tenantId}/sites/${siteId}/heatmaps`} activeClass="active">
                        Heatmaps
                      </A>
                      <A href={`/t/${tenant.tenantId}/sites/${siteId}/sessions`} activeClass="active">
                        Sessions
                      </A>
                      {/* Compliance officers do not read surveys (their answers are analysts' material). */}
                      <Show when={tenant.role !== "compliance"}>
                        <A href={`/t/${tenant.tenantId}/sites/${siteId}/surveys`} activeClass="active">
                          Surveys
                        </A>
                      </Show>
                      <A href={`/t/${tenant.tenantId}/sites/${siteId}`} end activeClass="active">
                        Settings and install
                      </A>
                      <A href={`/t/${tenant.tenantId}/sites/${siteId}/privacy`} activeClass="active">
                        Privacy
                      </A>
                    </nav>
                    {props.children}
                  </>
                )}
              </Match>
            </Switch>
          </SiteContext.Provider>
        );
      }}
    </Show>
  );
}
