import { Tabs } from "@kobalte/core/tabs";
import { useSearchParams } from "@solidjs/router";
import { useApi } from "../../../api/apiContext.js";
import { createSitesStore } from "../../../data/sitesStore.js";
import { useTenant } from "../tenantContext.js";
import { ComplaintsTab } from "./complaintsTab.js";
import { ErasureTab } from "./erasureTab.js";
import { OptOutsTab } from "./optOutsTab.js";
import { PolicyVersionsTab } from "./policyVersionsTab.js";
import { PurgesTab } from "./purgesTab.js";
import { ViolationsTab } from "./violationsTab.js";
import { VisitorAccessTab } from "./visitorAccessTab.js";

const tabs = [
  { value: "opt-outs", label: "Opt-outs" },
  { value: "violations", label: "Violations" },
  { value: "erasure", label: "Visitor erasure" },
  { value: "access", label: "Visitor data" },
  { value: "purges", label: "Purges" },
  { value: "complaints", label: "Complaints" },
  { value: "policy-versions", label: "Policy versions" },
] as const;

/** `/t/:tenantId/compliance?tab=…`: the compliance centre; the tab is in the URL so it can be shared. */
export default function CompliancePage() {
  const tenant = useTenant();
  const sites = createSitesStore(useApi(), tenant.tenantId);
  const [params, setParams] = useSearchParams<{ tab?: string }>();
  const current = () => (tabs.some((tab) => tab.value === params.tab) ? (params.tab as string) : "opt-outs");
  return (
    <>
      <h1>Compliance</h1>
      <Tabs value={current()} onChange={(tab) => setParams({ tab }, { replace: true })}>
        <Tabs.List class="tabs-list" aria-label="Compliance">
          {tabs.map((tab) => (
            <Tabs.Trigger class="tab" value={tab.value}>
              {tab.label}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        <Tabs.Content value="opt-outs">
          <OptOutsTab sites={sites.sites() ?? []} />
        </Tabs.Content>
        <Tabs.Content value="violations">
          <ViolationsTab sites={sites.sites() ?? []} />
        </Tabs.Content>
        <Tabs.Content value="erasure">
          <ErasureTab sites={sites.sites() ?? []} />
        </Tabs.Content>
        <Tabs.Content value="access">
          <VisitorAccessTab sites={sites.sites() ?? []} />
        </Tabs.Content>
        <Tabs.Content value="purges">
          <PurgesTab sites={sites.sites() ?? []} tenantName={tenant.name} />
        </Tabs.Content>
        <Tabs.Content value="complaints">
          <ComplaintsTab sites={sites.sites() ?? []} />
        </Tabs.Content>
        <Tabs.Content value="policy-versions">
          <PolicyVersionsTab />
        </Tabs.Content>
      </Tabs>
    </>
  );
}
