import { A } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../../api/apiContext.js";
import { describeApiError, fieldError } from "../../../../api/describeApiError.js";
import { createSessionsStore, noSessionFilter, sessionQueryFilter, type SessionFilter, type SessionSummary } from "../../../../data/sessionsStore.js";
import { DownloadButtons } from "../../../../ui/downloadButtons.js";
import { fileNamePart } from "../../../../ui/downloadFile.js";
import { FilterButtons } from "../../../../ui/filterButtons.js";
import { EmptyState, ErrorNotice, Loading, TextField } from "../../../../ui/formControls.js";
import { NewerOlderPager } from "../../../../ui/newerOlderPager.js";
import { formatInSiteTimeZone } from "../../../../ui/siteTime.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";
import { formatSessionDuration } from "./playerTime.js";
import "./sessions.css";

/** `/t/:tenantId/sites/:siteId/sessions`: the site's recorded visits, newest first, each with its replay. */
export default function SessionsPage() {
  const tenant = useTenant();
  const site = useSite();
  const timeZone = () => site.store.site()?.timeZone ?? "UTC";
  const store = createSessionsStore(useApi(), tenant.tenantId, site.siteId, timeZone);
  // The form edits a draft; the server filters when it is applied, not at every keystroke.
  const [draft, setDraft] = createSignal<SessionFilter>(noSessionFilter);
  const edit = <K extends keyof SessionFilter>(key: K, value: SessionFilter[K]) => setDraft({ ...draft(), [key]: value });
  const error = () => (store.page.error ? describeApiError(store.page.error) : null);
  const shown = () => store.page()?.sessions ?? [];
  return (
    <>
      <h2>Sessions</h2>
      <form
        class="session-filters"
        role="search"
        aria-label="Filter sessions"
        onSubmit={(e) => {
          e.preventDefault();
          store.setFilter(draft());
        }}
      >
        <TextField label="From (day)" type="date" value={draft().fromDay} onInput={(e) => edit("fromDay", e.currentTarget.value)} error={fieldError(error(), "from")} />
        <TextField label="To (day, included)" type="date" value={draft().toDay} onInput={(e) => edit("toDay", e.currentTarget.value)} error={fieldError(error(), "to")} />
        <TextField label="Visited page" type="url" placeholder="https://…" value={draft().url} onInput={(e) => edit("url", e.currentTarget.value)} error={fieldError(error(), "url")} />
        <div class="field">
          <label for="session-device">Device</label>
          <select id="session-device" value={draft().deviceClass} onChange={(e) => edit("deviceClass", e.currentTarget.value as SessionFilter["deviceClass"])}>
            <option value="">any</option>
            <option value="desktop">desktop</option>
            <option value="tablet">tablet</option>
            <option value="mobile">mobile</option>
          </select>
        </div>
        <TextField label="Browser" placeholder="e.g. Firefox" value={draft().browser} onInput={(e) => edit("browser", e.currentTarget.value)} error={fieldError(error(), "browser")} />
        <TextField label="Longer than (seconds)" type="number" min="0" inputMode="numeric" value={draft().minDurationSeconds} onInput={(e) => edit("minDurationSeconds", e.currentTarget.value)} error={fieldError(error(), "minDurationMs")} />
        <div class="field checkbox-field">
          <label>
            <input type="checkbox" checked={draft().rageClicksOnly} onChange={(e) => edit("rageClicksOnly", e.currentTarget.checked)} /> With rage clicks
          </label>
          <label>
            <input type="checkbox" checked={draft().violationsOnly} onChange={(e) => edit("violationsOnly", e.currentTarget.checked)} /> With privacy violations
          </label>
        </div>
        <FilterButtons
          onClear={() => {
            setDraft(noSessionFilter);
            store.setFilter(noSessionFilter);
          }}
        />
      </form>
      <div class="sessions-head">
        <p class="muted">Times are in the site's time zone, {timeZone()}.</p>
        {/* Every session the applied filter matches, not only this page of them. */}
        <div class="sessions-download">
          <span class="muted">Download every session the filter matches</span>
          <DownloadButtons
            what="the sessions matching the filter"
            path="/exports/sessions"
            input={() => ({ tenantId: tenant.tenantId, siteId: site.siteId, ...sessionQueryFilter(store.filter(), timeZone()) })}
            fileName={(format) => `${fileNamePart(site.store.site()?.name ?? "site")}-sessions.${format}`}
            small
          />
        </div>
      </div>
      <Switch fallback={<Loading what="the sessions" />}>
        <Match when={store.page.error}>
          <ErrorNotice error={error()} />
        </Match>
        <Match when={store.page()}>
          {(page) => (
            <Show
              when={shown().length > 0}
              fallback={
                <EmptyState title={page().total === 0 && store.pageNumber() === 1 ? "No sessions match" : "No more sessions"}>
                  Sessions appear here a few seconds after a visitor browses a page with the recorder installed (see Settings and install); try a wider filter.
                </EmptyState>
              }
            >
              <div class="table-scroll">
                <table class="responsive session-table">
                  <caption class="muted">
                    {page().total} {page().total === 1 ? "session" : "sessions"} in all · page {store.pageNumber()}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Started</th>
                      <th scope="col">Duration</th>
                      <th scope="col">Pages</th>
                      <th scope="col">Entry page</th>
                      <th scope="col">Device</th>
                      <th scope="col">Rage / dead clicks</th>
                      <th scope="col">Replay</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={shown()}>{(session) => <SessionRow session={session} timeZone={timeZone()} href={`/t/${tenant.tenantId}/sites/${site.siteId}/sessions/${session.sessionId}`} />}</For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Match>
      </Switch>
      <NewerOlderPager pageNumber={store.pageNumber()} hasOlder={Boolean(store.page()?.nextCursor)} onNewer={() => store.previous()} onOlder={() => store.next()} />
    </>
  );
}

function SessionRow(props: { session: SessionSummary; timeZone: string; href: string }) {
  const started = () => formatInSiteTimeZone(props.session.firstSeenAt, props.timeZone);
  return (
    <tr>
      <td data-label="Started">{started()}</td>
      <td data-label="Duration">{formatSessionDuration(props.session.durationMs)}</td>
      <td data-label="Pages">{props.session.pageCount}</td>
      <td data-label="Entry page" class="wrap">
        {props.session.entryUrl ? pathOf(props.session.entryUrl) : "unknown"}
      </td>
      <td data-label="Device">{[props.session.technical.deviceClass, props.session.technical.browser].filter(Boolean).join(" · ") || "unknown"}</td>
      <td data-label="Rage / dead clicks">
        <span classList={{ "rage-count": props.session.rageClicks > 0 }}>{props.session.rageClicks}</span> / {props.session.deadClicks}
        <Show when={props.session.violationCount > 0}>
          {" "}
          <span class="badge breach">{props.session.violationCount} PII</span>
        </Show>
      </td>
      <td data-label="Replay">
        <A href={props.href} aria-label={`Replay the session started ${started()}`}>
          Replay
        </A>
      </td>
    </tr>
  );
}

/** The entry page as the list shows it: path and query on the site, the whole URL elsewhere. */
function pathOf(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}
