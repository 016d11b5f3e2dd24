import { For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../api/apiContext.js";
import { describeApiError } from "../../../api/describeApiError.js";
import { createPolicyVersionsStore } from "../../../data/complianceStore.js";
import { formatDate } from "../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";

/** MS-5.1: each policy's published versions with what changed, and which version each site runs. */
export function PolicyVersionsTab() {
  const store = createPolicyVersionsStore(useApi(), useTenant().tenantId);
  const error = () => (store.policyVersions.error ? describeApiError(store.policyVersions.error) : null);
  return (
    <section aria-label="Policy versions">
      <Switch fallback={<Loading what="policy versions" />}>
        <Match when={error()}>
          <ErrorNotice error={error()} />
        </Match>
        <Match when={store.policyVersions()}>
          {(result) => (
            <For each={result().policies}>
              {(policy) => (
                <article class="stack">
                  <h2>
                    Policy <code>{policy.policyId}</code>, latest version {policy.latestVersion}
                  </h2>
                  <h3>Sites</h3>
                  <Show when={policy.sites.length > 0} fallback={<EmptyState title="No site runs this policy">Add a site: new sites run the latest version.</EmptyState>}>
                    <ul>
                      <For each={policy.sites}>
                        {(site) => (
                          <li>
                            {site.name} runs version {site.version}
                            {site.version < policy.latestVersion ? " (a newer version is published: move the site to it in its privacy settings)" : " (the latest)"}
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <h3>Change log</h3>
                  <div class="table-scroll">
                    <table class="responsive">
                      <thead>
                        <tr>
                          <th scope="col">Version</th>
                          <th scope="col">Revised on</th>
                          <th scope="col">Published</th>
                          <th scope="col">What changed</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={policy.versions}>
                          {(version) => (
                            <tr>
                              <td data-label="Version">{version.version}</td>
                              <td data-label="Revised on">{version.revisedOn}</td>
                              <td data-label="Published">{formatDate(version.publishedAt)}</td>
                              <td data-label="What changed">{version.changes}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                </article>
              )}
            </For>
          )}
        </Match>
      </Switch>
    </section>
  );
}
