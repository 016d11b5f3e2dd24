import { Show } from "solid-js";
import type { HeatmapKind } from "../../../../data/heatmapStore.js";
import { cssColourOf, paletteSize } from "./heatmapPalette.js";

const gradient = `linear-gradient(to right, ${Array.from({ length: 9 }, (_, index) => cssColourOf((index / 8) * (paletteSize - 1))).join(", ")})`;

const counted: Record<HeatmapKind, string> = { click: "clicks", move: "pointer positions", attention: "seconds of attention" };

/** What a total means in words: clicks and positions are counts, attention is milliseconds. */
export function totalInWords(kind: HeatmapKind, total: number): string {
  const amount = kind === "attention" ? Math.round(total / 1000) : total;
  return `${amount.toLocaleString("en")} ${amount === 1 ? counted[kind].replace(/s( of attention)?$/, "$1") : counted[kind]}`;
}

export function pageViewsInWords(pageViews: number): string {
  return `${pageViews.toLocaleString("en")} page ${pageViews === 1 ? "view" : "views"}`;
}

/** The colour scale with its numbers, and what the map is drawn from. */
export function HeatmapLegend(props: { kind: HeatmapKind; maxCount: number; total: number; pageViews: number }) {
  const perCell = () => (props.kind === "attention" ? "per row" : "per cell");
  const top = () => (props.kind === "attention" ? `${(props.maxCount / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s` : props.maxCount.toLocaleString("en"));
  return (
    <div class="heatmap-legend">
      <p class="heatmap-basis">
        From <strong>{pageViewsInWords(props.pageViews)}</strong> and <strong>{totalInWords(props.kind, props.total)}</strong>.
      </p>
      <Show when={props.maxCount > 0}>
        <div class="legend-scale">
          <span>Fewer</span>
          <div class="legend-bar" style={{ "background-image": gradient }} aria-hidden="true" />
          <span>
            More (up to {top()} {perCell()})
          </span>
        </div>
      </Show>
    </div>
  );
}

/** The scroll map's scale: the share of page views that reached a depth. */
export function ScrollLegend(props: { pageViews: number }) {
  return (
    <div class="heatmap-legend">
      <p class="heatmap-basis">
        From <strong>{pageViewsInWords(props.pageViews)}</strong>.
      </p>
      <div class="legend-scale">
        <span>0 % reached</span>
        <div class="legend-bar" style={{ "background-image": gradient }} aria-hidden="true" />
        <span>100 % reached</span>
      </div>
    </div>
  );
}
