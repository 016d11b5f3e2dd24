import { createEffect, For, onCleanup, onMount } from "solid-js";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { OverviewDay } from "../../../../data/overviewStore.js";
import { chartSeriesOf, chartSummary, formatLoadTime } from "./overviewFigures.js";

/** Okabe–Ito blue and vermillion: told apart with every common colour-vision deficiency, and the page views line is dashed too. */
const seriesStyles = [
  { label: "Sessions", stroke: "#0072B2", dash: [] as number[] },
  { label: "Page views", stroke: "#D55E00", dash: [6, 4] },
];
const chartHeight = 240;

function chartOptions(width: number): uPlot.Options {
  return {
    width,
    height: chartHeight,
    // The days are the site's calendar days, placed at UTC midnight: drawn in UTC, never shifted.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), "Etc/UTC"),
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: (_plot, _min, max) => [0, Math.max(1, max)] } },
    axes: [{ stroke: "#57606a", grid: { stroke: "#eaeef2" } }, { stroke: "#57606a", grid: { stroke: "#eaeef2" }, size: 48 }],
    series: [{}, ...seriesStyles.map((style) => ({ label: style.label, stroke: style.stroke, width: 2, dash: style.dash, points: { show: true, size: 5 } }))],
  };
}

/** The daily series as a line chart sized to its container, with the same numbers as a table beside it. */
export function DailyChart(props: { days: readonly OverviewDay[] }) {
  let container!: HTMLDivElement;
  onMount(() => {
    const plot = new uPlot(chartOptions(Math.max(200, container.clientWidth)), chartSeriesOf(props.days), container);
    const observer = new ResizeObserver(() => plot.setSize({ width: Math.max(200, container.clientWidth), height: chartHeight }));
    observer.observe(container);
    createEffect(() => plot.setData(chartSeriesOf(props.days)));
    onCleanup(() => {
      observer.disconnect();
      plot.destroy();
    });
  });
  return (
    <figure class="daily-chart">
      <figcaption>
        <ul class="chart-legend" aria-hidden="true">
          <For each={seriesStyles}>
            {(style) => (
              <li>
                <span class={`swatch ${style.dash.length ? "dashed" : "solid"}`} style={{ "border-color": style.stroke }} />
                {style.label}
              </li>
            )}
          </For>
        </ul>
      </figcaption>
      <div ref={container} class="chart-canvas" role="img" aria-label={chartSummary(props.days)} />
      <details class="chart-table">
        <summary>The daily figures as a table</summary>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Daily figures">
          <table>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Sessions</th>
                <th scope="col">Page views</th>
                <th scope="col">Rage clicks</th>
                <th scope="col">Dead clicks</th>
                <th scope="col">Average load</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.days}>
                {(day) => (
                  <tr>
                    <th scope="row">{day.day}</th>
                    <td>{day.sessions}</td>
                    <td>{day.pageViews}</td>
                    <td>{day.rageClicks}</td>
                    <td>{day.deadClicks}</td>
                    <td>{formatLoadTime(day.averageLoadTimeMs)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
