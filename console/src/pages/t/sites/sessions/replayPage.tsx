import { A, useParams } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { DownloadButtons } from "../../../../ui/downloadButtons.js";
import { useApi } from "../../../../api/apiContext.js";
import { describeApiError } from "../../../../api/describeApiError.js";
import { createSessionStore, type SessionDetail } from "../../../../data/sessionsStore.js";
import { ErrorNotice, Loading } from "../../../../ui/formControls.js";
import { formatInSiteTimeZone } from "../../../../ui/siteTime.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";
import { formatSessionDuration } from "./playerTime.js";
import { ReplayPlayer } from "./replayPlayer.js";
import "./sessions.css";

/** `/t/:tenantId/sites/:siteId/sessions/:sessionId`: one session, replayed. Its own route chunk: rrweb loads only here. */
export default function ReplayPage() {
  const params = useParams<{ sessionId: string }>();
  const tenant = useTenant();
  const site = useSite();
  const listHref = () => `/t/${tenant.tenantId}/sites/${site.siteId}/sessions`;
  return (
    <Show when={params.sessionId} keyed>
      {(sessionId) => {
        const store = createSessionStore(useApi(), tenant.tenantId, site.siteId, sessionId);
        const input = { tenantId: tenant.tenantId, siteId: site.siteId, sessionId };
        return (
          <>
            <p class="breadcrumb">
              <A href={listHref()}>Sessions</A> ›
            </p>
            <h2>Session replay</h2>
            <Switch fallback={<Loading what="the session" />}>
              <Match when={store.session.error}>
                <ErrorNotice error={describeApiError(store.session.error)} />
              </Match>
              <Match when={store.session()}>{(session) => <SessionFacts session={session()} timeZone={site.store.site()?.timeZone ?? "UTC"} />}</Match>
            </Switch>
            <Show when={!store.session.error}>
              <ReplayPlayer tenantId={tenant.tenantId} siteId={site.siteId} sessionId={sessionId} />
              <div class="replay-download">
                <span class="muted">The recording as rrweb JSON, masked as replayed (the download is audited)</span>
                <DownloadButtons what="the recording" path="/exports/recording" input={() => input} fileName={() => `recording-${sessionId}.json`} formats={["json"]} fileOptions={false} small />
              </div>
            </Show>
          </>
        );
      }}
    </Show>
  );
}

function SessionFacts(props: { session: SessionDetail; timeZone: string }) {
  const technical = () => [props.session.technical.deviceClass, props.session.technical.browser, props.session.technical.os].filter(Boolean).join(" · ");
  return (
    <dl class="replay-summary">
      <div>
        <dt>Started</dt>
        <dd>
          {formatInSiteTimeZone(props.session.firstSeenAt, props.timeZone)} ({props.timeZone})
        </dd>
      </div>
      <div>
        <dt>Duration</dt>
        <dd>{formatSessionDuration(props.session.durationMs)}</dd>
      </div>
      <div>
        <dt>Pages</dt>
        <dd>{props.session.pageCount}</dd>
      </div>
      <div>
        <dt>Device</dt>
        <dd>{technical() || "unknown"}</dd>
      </div>
      <div>
        <dt>Rage / dead clicks</dt>
        <dd>
          {props.session.rageClicks} / {props.session.deadClicks}
        </dd>
      </div>
      <Show when={props.session.droppedEvents > 0}>
        <div>
          <dt>Dropped by the recorder</dt>
          <dd>{props.session.droppedEvents} events</dd>
        </div>
      </Show>
      <Show when={props.session.violationCount > 0}>
        <div>
          <dt>Privacy violations</dt>
          <dd>{props.session.violationCount}</dd>
        </div>
      </Show>
    </dl>
  );
}
