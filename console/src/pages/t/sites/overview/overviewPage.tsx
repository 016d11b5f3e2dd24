import { A, useSearchParams } from "@solidjs/router";
import { createMemo, For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../../api/apiContext.js";
import { describeApiError } from "../../../../api/describeApiError.js";
import { createOverviewStore, type BreakdownName } from "../../../../data/overviewStore.js";
import { presetRange, rangePresets, rangeProblem, type DayRange, type RangePreset } from "../../../../data/reportRange.js";
import { DownloadButtons } from "../../../../ui/downloadButtons.js";
import { reportFileName } from "../../../../ui/downloadFile.js";
import { EmptyState, ErrorNotice, Loading } from "../../../../ui/formControls.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";
import { BreakdownTable } from "./breakdownTable.js";
import { DailyChart } from "./dailyChart.js";
import { breakdownSections, headlineFigures, isEmptyOverview } from "./overviewFigures.js";
import { RangePicker } from "./rangePicker.js";
import "./overview.css";

const defaultPreset: Exclude<RangePreset, "custom"> = "last30";

/**
 * `/t/:tenantId/sites/:siteId/overview?range=last30` (or `?range=custom&from=…&to=…`): a site's
 * numbers, daily series and breakdowns over a range of its days, each downloadable.
 */
export default function OverviewPage() {
  const tenant = useTenant();
  const { siteId, store } = useSite();
  const site = () => store.site()!;
  const timeZone = () => site().timeZone;
  const [params, setParams] = useSearchParams<{ range?: string; from?: string; to?: string }>();
  // Read once: presets are relative to when the screen opened, not to each re-render.
  const openedAt = new Date();
  const preset = (): RangePreset => (rangePresets.some((entry) => entry.value === params.range) ? (params.range as RangePreset) : defaultPreset);
  const custom = (): DayRange => {
    const fallback = presetRange(defaultPreset, openedAt, timeZone());
    return { fromDay: params.from ?? fallback.fromDay, toDay: params.to ?? fallback.toDay };
  };
  const range = createMemo((): DayRange | null => {
    const current = preset();
    if (current !== "custom") return presetRange(current, openedAt, timeZone());
    const days = custom();
    return rangeProblem(days) ? null : days;
  }, null, { equals: (a, b) => a?.fromDay === b?.fromDay && a?.toDay === b?.toDay });
  const reports = createOverviewStore(useApi(), tenant.tenantId, siteId, range);

  function choosePreset(next: RangePreset) {
    // Custom starts from the days shown, so adjusting one end is one change.
    const shown = range() ?? custom();
    setParams(next === "custom" ? { range: next, from: shown.fromDay, to: shown.toDay } : { range: next, from: undefined, to: undefined }, { replace: true });
  }

  const reportInput = (report: string, extra: Record<string, unknown> = {}) => () => ({ tenantId: tenant.tenantId, siteId, ...range(), report, ...extra });
  const fileName = (report: string) => (format: "csv" | "json") => reportFileName({ site: site().name, report, ...(range() ?? custom()), format });

  return (
    <div class="overview">
      <div class="overview-toolbar">
        <RangePicker preset={preset()} custom={custom()} timeZone={timeZone()} onPreset={choosePreset} onCustom={(days) => setParams({ range: "custom", from: days.fromDay, to: days.toDay }, { replace: true })} />
        <div class="overview-download">
          <span class="muted">Daily series</span>
          <DownloadButtons what="the overview" path="/exports/report" input={reportInput("overview")} fileName={fileName("overview")} disabled={range() === null} />
        </div>
      </div>
      <Switch fallback={<Loading what="the overview" />}>
        <Match when={range() === null}>
          <p class="muted">Choose a valid range to see the overview.</p>
        </Match>
        <Match when={reports.overview.error}>
          <ErrorNotice error={describeApiError(reports.overview.error)} />
        </Match>
        <Match when={reports.overview()}>
          {(overview) => (
            <Show
              when={!isEmptyOverview(overview())}
              fallback={
                <EmptyState title="No visits in this range">
                  <p>
                    Nothing was recorded on this site between {range()?.fromDay} and {range()?.toDay}. Choose a longer range, or check the{" "}
                    <A href={`/t/${tenant.tenantId}/sites/${siteId}`}>install snippet</A> is on the site's pages.
                  </p>
                </EmptyState>
              }
            >
              <section aria-labelledby="overview-figures">
                <h2 id="overview-figures" class="visually-hidden">
                  Figures
                </h2>
                <dl class="figures">
                  <For each={headlineFigures(overview())}>
                    {(figure) => (
                      <div class="figure">
                        <dt>{figure.label}</dt>
                        <dd>{figure.value}</dd>
                      </div>
                    )}
                  </For>
                </dl>
              </section>
              <section aria-labelledby="overview-daily">
                <h2 id="overview-daily">Per day</h2>
                <DailyChart days={overview().days} />
              </section>
              <section aria-labelledby="overview-pages">
                <div class="breakdown-head">
                  <h2 id="overview-pages">Top pages</h2>
                  <DownloadButtons what="the top pages" path="/exports/report" input={reportInput("pages", { limit: 200 })} fileName={fileName("pages")} small />
                </div>
                <Switch>
                  <Match when={reports.pages.error}>
                    <ErrorNotice error={describeApiError(reports.pages.error)} />
                  </Match>
                  <Match when={reports.pages()}>
                    {(pages) => (
                      <div class="table-scroll top-pages" tabindex="0" role="region" aria-label="Top pages table">
                        <table>
                          <thead>
                            <tr>
                              <th scope="col">Page</th>
                              <th scope="col" class="number">
                                Page views
                              </th>
                              <th scope="col" class="number">
                                Clicks
                              </th>
                              <th scope="col" class="number">
                                Rage clicks
                              </th>
                              <th scope="col" class="number">
                                Dead clicks
                              </th>
                            </tr>
                          </thead>
                          <tbody>
                            <For each={pages()}>
                              {(page) => (
                                <tr>
                                  <th scope="row" class="breakdown-label">
                                    {page.urlKey}
                                  </th>
                                  <td class="number">{page.pageViews}</td>
                                  <td class="number">{page.clicks}</td>
                                  <td class="number">{page.rageClicks}</td>
                                  <td class="number">{page.deadClicks}</td>
                                </tr>
                              )}
                            </For>
                          </tbody>
                        </table>
                      </div>
                    )}
                  </Match>
                </Switch>
              </section>
              <h2>Breakdowns</h2>
              <div class="breakdowns">
                <For each={breakdownSections}>
                  {(section) => (
                    <BreakdownTable
                      title={section.title}
                      column={section.column}
                      rows={overview().breakdowns[section.name]}
                      pageViews={section.pageViews}
                      totalSessions={overview().sessions}
                      downloads={<BreakdownDownloads name={section.name} title={section.title} input={reportInput} fileName={fileName} />}
                    />
                  )}
                </For>
              </div>
            </Show>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function BreakdownDownloads(props: {
  name: BreakdownName;
  title: string;
  input: (report: string, extra?: Record<string, unknown>) => () => Record<string, unknown>;
  fileName: (report: string) => (format: "csv" | "json") => string;
}) {
  return <DownloadButtons what={`the ${props.title.toLowerCase()}`} path="/exports/report" input={props.input("breakdown", { dimension: props.name, limit: 1000 })} fileName={props.fileName(`breakdown-${props.name}`)} small />;
}
