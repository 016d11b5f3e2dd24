import { For, Show } from "solid-js";
import type { ClickProblem, HeatmapKind, ScrollMap } from "../../../../data/heatmapStore.js";
import { topCells, type HeatmapGrid } from "./heatmapPixels.js";

const shown = 10;

/** The canvas in words: the busiest cells (or rows), and the elements clicked in anger or to no effect. */
export function HeatmapTables(props: { grid: HeatmapGrid; kind: HeatmapKind; problems: readonly ClickProblem[] }) {
  const cells = () => topCells(props.grid, shown);
  const unit = () => (props.kind === "attention" ? "Seconds" : props.kind === "click" ? "Clicks" : "Pointer positions");
  return (
    <details class="heatmap-tables">
      <summary>The heatmap as tables</summary>
      <div class="table-scroll">
        <table>
          <caption>{props.kind === "attention" ? "Rows of the page seen longest" : "Busiest cells of the page"}</caption>
          <thead>
            <tr>
              <Show when={props.kind !== "attention"}>
                <th scope="col">From the left</th>
              </Show>
              <th scope="col">From the top</th>
              <th scope="col">{unit()}</th>
            </tr>
          </thead>
          <tbody>
            <For each={cells()} fallback={<tr><td colSpan={3}>Nothing recorded.</td></tr>}>
              {(cell) => (
                <tr>
                  <Show when={props.kind !== "attention"}>
                    <td>{Math.round((cell.column / props.grid.columns) * 100)} %</td>
                  </Show>
                  <td>{(cell.row * props.grid.rowPx).toLocaleString("en")} px</td>
                  <td>{props.kind === "attention" ? (cell.count / 1000).toLocaleString("en", { maximumFractionDigits: 1 }) : cell.count.toLocaleString("en")}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <div class="table-scroll">
        <table>
          <caption>Rage and dead clicks</caption>
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">Rage clicks</th>
              <th scope="col">Dead clicks</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.problems} fallback={<tr><td colSpan={3}>None in this range.</td></tr>}>
              {(problem) => (
                <tr>
                  <td>
                    <code>{problem.selector}</code>
                  </td>
                  <td>{problem.rageClicks}</td>
                  <td>{problem.deadClicks}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The scroll map in words: each depth and the page views that reached it. */
export function ScrollTable(props: { scroll: ScrollMap }) {
  return (
    <details class="heatmap-tables">
      <summary>The scroll map as a table</summary>
      <div class="table-scroll">
        <table>
          <caption>Page views reaching each depth</caption>
          <thead>
            <tr>
              <th scope="col">Depth</th>
              <th scope="col">Page views</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.scroll.depths}>
              {(step) => (
                <tr>
                  <td>{step.depth} %</td>
                  <td>{step.reached.toLocaleString("en")}</td>
                  <td>{Math.round(step.share * 100)} %</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
  );
}
