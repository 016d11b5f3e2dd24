import { createSignal } from "solid-js";
import type { Site } from "../../../data/sitesStore.js";
import { DownloadButtons } from "../../../ui/downloadButtons.js";
import { fileNamePart } from "../../../ui/downloadFile.js";
import { TextField } from "../../../ui/formControls.js";
import { useTenant } from "../tenantContext.js";
import { SiteSelect } from "./siteSelect.js";

/**
 * The right of access (GDPR Art. 15): everything held on one visitor of one site (sessions,
 * pages, recordings, survey answers, opt-out) as one JSON document, by the id the site's opt-out
 * page showed them. The download is audited by the server.
 */
export function VisitorAccessTab(props: { sites: readonly Site[] }) {
  const tenant = useTenant();
  const [siteId, setSiteId] = createSignal("");
  const [visitorId, setVisitorId] = createSignal("");
  const siteName = () => props.sites.find((site) => site.siteId === siteId())?.name ?? "site";
  return (
    <section aria-label="Visitor data" class="stack narrow">
      <p>A visitor asking for their data quotes the id their browser was shown on the site's opt-out page. The file holds every record kept on them: sessions, page views, recordings, survey answers and their opt-out.</p>
      <SiteSelect sites={props.sites} value={siteId()} onChange={setSiteId} />
      <TextField label="Visitor id" autocomplete="off" required value={visitorId()} onInput={(event) => setVisitorId(event.currentTarget.value)} />
      <DownloadButtons
        what="the visitor's data"
        path="/exports/visitor-data"
        formats={["json"]}
        fileOptions={false}
        input={() => ({ tenantId: tenant.tenantId, siteId: siteId(), visitorId: visitorId().trim() })}
        fileName={() => `${fileNamePart(siteName())}-visitor-data-${fileNamePart(visitorId().trim().slice(0, 16))}.json`}
        disabled={siteId() === "" || visitorId().trim() === ""}
      />
    </section>
  );
}
