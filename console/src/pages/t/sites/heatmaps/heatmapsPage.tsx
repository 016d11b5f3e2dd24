import { useSearchParams } from "@solidjs/router";
import { createMemo, createSignal, For, Match, onCleanup, Show, Switch } from "solid-js";
import { useApi } from "../../../../api/apiContext.js";
import { describeApiError } from "../../../../api/describeApiError.js";
import { breakpoints, createHeatmapStore, createSitePagesStore, type Breakpoint, type HeatmapKind } from "../../../../data/heatmapStore.js";
import { DownloadButtons } from "../../../../ui/downloadButtons.js";
import { reportFileName, type DownloadFormat } from "../../../../ui/downloadFile.js";
import { EmptyState, ErrorNotice, Loading } from "../../../../ui/formControls.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";
import { HeatmapLegend, pageViewsInWords, ScrollLegend, totalInWords } from "./heatmapLegend.js";
import { HeatmapStage } from "./heatmapStage.js";
import { HeatmapTables, ScrollTable } from "./heatmapTables.js";
import { isRangePreset, lastDays, rangePresets, type RangePreset } from "./reportRange.js";
import "./heatmaps.css";

const views = [
  { value: "click", label: "Clicks" },
  { value: "move", label: "Movement" },
  { value: "attention", label: "Attention" },
  { value: "scroll", label: "Scroll map" },
] as const;
type View = (typeof views)[number]["value"];

const breakpointLabels: Record<Breakpoint, string> = { mobile: "Mobile", tablet: "Tablet", desktop: "Desktop" };

/** How long the search box waits for typing to stop before asking the server. */
const searchDelayMs = 250;

/**
 * `/t/:tenantId/sites/:siteId/heatmaps?page=…&breakpoint=…&days=…&view=…`: a page of the site
 * redrawn from a stored recording with its click, movement or attention heatmap or its scroll
 * map over it. The choices live in the URL, so a view can be shared.
 */
export default function HeatmapsPage() {
  const api = useApi();
  const tenant = useTenant();
  const site = useSite();
  const [params, setParams] = useSearchParams<{ page?: string; breakpoint?: string; days?: string; view?: string }>();
  const timeZone = () => site.store.site()?.timeZone ?? "UTC";
  const days = (): RangePreset => (isRangePreset(params.days) ? (Number(params.days) as RangePreset) : 30);
  const range = createMemo(() => lastDays(days(), new Date(), timeZone()));
  const breakpoint = (): Breakpoint => breakpoints.find((candidate) => candidate === params.breakpoint) ?? "desktop";
  const view = (): View => views.find((candidate) => candidate.value === params.view)?.value ?? "click";

  const [search, setSearch] = createSignal("");
  const [searched, setSearched] = createSignal("");
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(searchTimer));
  const onSearch = (text: string) => {
    setSearch(text);
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => setSearched(text), searchDelayMs);
  };

  const pages = createSitePagesStore(api, tenant.tenantId, site.siteId, () => ({ search: searched(), ...range() }));
  const urlKey = () => params.page ?? pages.pages.latest?.[0]?.urlKey;
  const selection = createMemo(() => {
    const page = urlKey();
    if (!page) return null;
    const kind: HeatmapKind = view() === "scroll" ? "click" : (view() as HeatmapKind);
    return { urlKey: page, breakpoint: breakpoint(), ...range(), kind, scroll: view() === "scroll" };
  });
  const reports = createHeatmapStore(api, tenant.tenantId, site.siteId, selection);
  const [maxCount, setMaxCount] = createSignal(0);

  const pageOptions = () => {
    const listed = pages.pages.latest ?? [];
    const chosen = urlKey();
    return chosen && !listed.some((page) => page.urlKey === chosen) ? [{ urlKey: chosen, pageViews: null }, ...listed] : listed;
  };
  const error = () => pages.pages.error ?? reports.heatmap.error ?? reports.scrollMap.error ?? reports.clickProblems.error ?? reports.pageEvents.error;
  const rangeWords = () => `the last ${days()} days`;
  // The map on screen as a file (its cells or depths, as the report answers them), and the page's rage and dead clicks.
  const mapExport = () => {
    const chosen = selection();
    if (!chosen) return null;
    const page = { siteId: site.siteId, urlKey: chosen.urlKey, breakpoint: chosen.breakpoint, fromDay: chosen.fromDay, toDay: chosen.toDay };
    return chosen.scroll
      ? { what: "the scroll map", report: `scroll-map-${chosen.breakpoint}`, input: { tenantId: tenant.tenantId, report: "scrollMap", ...page } }
      : { what: `the ${chosen.kind} heatmap`, report: `heatmap-${chosen.kind}-${chosen.breakpoint}`, input: { tenantId: tenant.tenantId, report: "heatmap", kind: chosen.kind, ...page } };
  };
  const exportName = (report: string) => (format: DownloadFormat) => reportFileName({ site: site.store.site()?.name ?? "site", report, ...range(), format });

  return (
    <section aria-labelledby="heatmaps-title" class="heatmaps">
      <h2 id="heatmaps-title">Heatmaps</h2>
      <div class="heatmap-controls">
        <div class="field">
          <label for="heatmap-search">Search pages</label>
          <input id="heatmap-search" type="search" value={search()} onInput={(event) => onSearch(event.currentTarget.value)} placeholder="e.g. checkout" />
        </div>
        <div class="field">
          <label for="heatmap-page">Page</label>
          <select id="heatmap-page" value={urlKey() ?? ""} onChange={(event) => setParams({ page: event.currentTarget.value })} disabled={pageOptions().length === 0}>
            <Show when={pageOptions().length === 0}>
              <option value="">{pages.pages.loading ? "Loading pages…" : "No pages found"}</option>
            </Show>
            <For each={pageOptions()}>
              {(page) => (
                <option value={page.urlKey}>
                  {page.urlKey}
                  {page.pageViews === null ? "" : ` (${pageViewsInWords(page.pageViews)})`}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for="heatmap-range">Date range</label>
          <select id="heatmap-range" value={String(days())} onChange={(event) => setParams({ days: event.currentTarget.value })} aria-describedby="heatmap-range-days">
            <For each={rangePresets}>{(preset) => <option value={String(preset)}>Last {preset} days</option>}</For>
          </select>
          <p class="hint" id="heatmap-range-days">
            {range().fromDay} to {range().toDay}, days in the site's time zone ({timeZone()})
          </p>
        </div>
        <fieldset class="choice-group">
          <legend>Breakpoint</legend>
          <For each={breakpoints}>
            {(value) => (
              <label>
                <input type="radio" name="heatmap-breakpoint" value={value} checked={breakpoint() === value} onChange={() => setParams({ breakpoint: value })} />
                {breakpointLabels[value]}
              </label>
            )}
          </For>
        </fieldset>
        <fieldset class="choice-group">
          <legend>Map</legend>
          <For each={views}>
            {(choice) => (
              <label>
                <input type="radio" name="heatmap-view" value={choice.value} checked={view() === choice.value} onChange={() => setParams({ view: choice.value })} />
                {choice.label}
              </label>
            )}
          </For>
        </fieldset>
      </div>

      <Show when={mapExport()}>
        {(file) => (
          <div class="heatmap-downloads">
            <span class="muted">Download {file().what}</span>
            <DownloadButtons what={file().what} path="/exports/report" input={() => file().input} fileName={exportName(file().report)} small />
            <Show when={!selection()?.scroll}>
              <span class="muted">Rage and dead clicks</span>
              <DownloadButtons
                what="the page's rage and dead clicks"
                path="/exports/report"
                input={() => ({ tenantId: tenant.tenantId, report: "clickProblems", siteId: site.siteId, urlKey: urlKey(), ...range(), limit: 200 })}
                fileName={exportName("click-problems")}
                small
              />
            </Show>
          </div>
        )}
      </Show>

      <Switch fallback={<Loading what="the heatmap" />}>
        <Match when={error()}>
          <ErrorNotice error={describeApiError(error())} />
        </Match>
        <Match when={!urlKey() && pages.pages.state === "ready"}>
          <EmptyState title={searched() ? `No page matches "${searched()}"` : `No page views in ${rangeWords()}`}>
            <p>{searched() ? "Try another part of the address." : "Once the recorder is installed and visitors come, their pages show here within seconds."}</p>
          </EmptyState>
        </Match>
        <Match when={reports.heatmap.state === "ready" && reports.heatmap()}>
          {(heatmap) => (
            <Switch fallback={<Loading what="the recorded page" />}>
              <Match when={heatmap().pageViews === 0}>
                <EmptyState title={`No page views at this breakpoint in ${rangeWords()}`}>
                  <p>
                    Nobody viewed this page on a {breakpoint()} screen in that range. Try another breakpoint or a longer range.
                  </p>
                </EmptyState>
              </Match>
              <Match when={!heatmap().snapshot}>
                <EmptyState title="No recorded page to draw on">
                  <p>
                    {pageViewsInWords(heatmap().pageViews)} counted ({totalInWords(heatmap().kind, heatmap().total)}), but none of the recent ones at this
                    breakpoint still has its recording (recordings are kept only as long as the site's privacy settings say).
                  </p>
                </EmptyState>
              </Match>
              <Match when={view() === "scroll" && reports.scrollMap.state === "ready" && reports.pageEvents.state === "ready" ? reports.scrollMap() : undefined}>
                {(scroll) => (
                  <>
                    <ScrollLegend pageViews={scroll().pageViews} />
                    <HeatmapStage
                      events={reports.pageEvents() ?? []}
                      breakpoint={breakpoint()}
                      urlKey={urlKey() ?? ""}
                      layer={{ kind: "scroll", scroll: scroll() }}
                      label={`Scroll map of ${urlKey()}: ${scrollSummary(scroll().depths, scroll().averageFold)}`}
                    />
                    <ScrollTable scroll={scroll()} />
                  </>
                )}
              </Match>
              <Match when={view() !== "scroll" && reports.clickProblems.state === "ready" && reports.pageEvents.state === "ready" ? reports.clickProblems() : undefined}>
                {(problems) => (
                  <>
                    <HeatmapLegend kind={heatmap().kind} maxCount={maxCount()} total={heatmap().total} pageViews={heatmap().pageViews} />
                    <HeatmapStage
                      events={reports.pageEvents() ?? []}
                      breakpoint={breakpoint()}
                      urlKey={urlKey() ?? ""}
                      layer={{ kind: "heatmap", grid: heatmap(), problems: problems() }}
                      label={`${views.find((choice) => choice.value === heatmap().kind)?.label} heatmap of ${urlKey()} over the page; the busiest cells are listed in the tables below`}
                      onDrawn={setMaxCount}
                    />
                    <HeatmapTables grid={heatmap()} kind={heatmap().kind} problems={problems()} />
                  </>
                )}
              </Match>
            </Switch>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function scrollSummary(depths: readonly { depth: number; share: number }[], averageFold: number | null): string {
  const half = depths.find((step) => step.depth === 50)?.share ?? 0;
  const fold = averageFold === null ? "the fold was not measured" : `the average fold is at ${averageFold} % of the page`;
  return `${Math.round(half * 100)} % of page views reached half way down; ${fold}`;
}
