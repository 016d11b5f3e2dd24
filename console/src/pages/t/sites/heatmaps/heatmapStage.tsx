import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount, Show } from "solid-js";
import type { Breakpoint, ClickProblem, ScrollMap } from "../../../../data/heatmapStore.js";
import { drawHeatmap, drawScrollMap } from "./drawHeatmap.js";
import type { HeatmapGrid } from "./heatmapPixels.js";
import { fitPage } from "./pageFit.js";
import { drawRecordedPage, elementBox, snapshotOfEvents, type RecordedPage } from "./recordedPage.js";

/** The width a page is drawn at when its recording has no viewport size: its breakpoint's typical one. */
const typicalWidth: Record<Breakpoint, number> = { mobile: 390, tablet: 820, desktop: 1280 };

/** Scroll-map labels at these depths, in percent of the page. */
const labelledDepths = [25, 50, 75];

export type StageLayer = { kind: "heatmap"; grid: HeatmapGrid; problems: readonly ClickProblem[] } | { kind: "scroll"; scroll: ScrollMap };

/**
 * The stored page redrawn in a sandboxed iframe at the width it was recorded at, scaled to the
 * panel, with a canvas over it: the heatmap's cells and the marked rage and dead clicks, or the
 * scroll map's bands with its fold. The canvas is described for screen readers by `label`; the
 * figures themselves are in the tables beside it.
 */
export function HeatmapStage(props: { events: readonly unknown[]; breakpoint: Breakpoint; urlKey: string; layer: StageLayer; label: string; onDrawn?: (maxCount: number) => void }) {
  let stage!: HTMLDivElement;
  let host!: HTMLDivElement;
  let canvas!: HTMLCanvasElement;
  const [panelWidth, setPanelWidth] = createSignal(0);
  const [page, setPage] = createSignal<RecordedPage | null>(null);
  const [failure, setFailure] = createSignal<string | null>(null);

  onMount(() => {
    const observer = new ResizeObserver(() => setPanelWidth(stage.clientWidth));
    observer.observe(stage);
    setPanelWidth(stage.clientWidth);
    onCleanup(() => observer.disconnect());
  });

  createEffect(
    on(
      () => props.events,
      (events) => {
        host.replaceChildren();
        setPage(null);
        const snapshot = snapshotOfEvents(events);
        if (!snapshot) return setFailure("The stored recording of this page has no full snapshot to draw.");
        try {
          setPage(drawRecordedPage(host, { node: snapshot.node, width: snapshot.width ?? typicalWidth[props.breakpoint] }, `The page ${props.urlKey} as recorded`));
          setFailure(null);
        } catch (error) {
          setFailure(`The stored page could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    ),
  );

  const fit = createMemo(() => {
    const drawn = page();
    return drawn && panelWidth() > 0 ? fitPage({ pageWidth: drawn.pageWidth, pageHeight: drawn.pageHeight, panelWidth: panelWidth() }) : null;
  });

  createEffect(() => {
    const current = fit();
    if (!current) return;
    const layer = props.layer;
    if (layer.kind === "heatmap") props.onDrawn?.(drawHeatmap(canvas, layer.grid, current, window.devicePixelRatio));
    else drawScrollMap(canvas, layer.scroll.depths, current, window.devicePixelRatio);
  });

  const markers = createMemo(() => {
    const drawn = page();
    const current = fit();
    const layer = props.layer;
    if (!drawn || !current || layer.kind !== "heatmap") return [];
    return layer.problems.flatMap((problem) => {
      if (problem.rageClicks === 0 && problem.deadClicks === 0) return [];
      const box = elementBox(drawn.document, problem.selector);
      if (!box || box.width === 0 || box.height === 0) return [];
      const what = [problem.rageClicks > 0 ? `${problem.rageClicks} rage` : "", problem.deadClicks > 0 ? `${problem.deadClicks} dead` : ""].filter(Boolean).join(", ");
      return [{ left: box.x * current.scale, top: box.y * current.scale, width: box.width * current.scale, height: box.height * current.scale, what, rage: problem.rageClicks > 0 }];
    });
  });

  const px = (value: number) => `${Math.round(value * 100) / 100}px`;

  return (
    <div class="heatmap-stage" ref={stage}>
      <Show when={failure()}>
        <p class="notice error" role="alert">
          {failure()}
        </p>
      </Show>
      <div class="heatmap-viewport" style={{ height: px(fit()?.height ?? 0) }}>
        <div
          class="heatmap-page"
          ref={host}
          style={{ width: px(page()?.pageWidth ?? 0), height: px(page()?.pageHeight ?? 0), transform: `scale(${fit()?.scale ?? 1})` }}
        />
        <canvas class="heatmap-canvas" ref={canvas} role="img" aria-label={props.label} style={{ width: px(fit()?.width ?? 0), height: px(fit()?.height ?? 0) }} />
        <For each={markers()}>
          {(marker) => (
            <div class="click-problem" classList={{ rage: marker.rage }} style={{ left: px(marker.left), top: px(marker.top), width: px(marker.width), height: px(marker.height) }}>
              <span class="click-problem-label">{marker.what}</span>
            </div>
          )}
        </For>
        <Show when={props.layer.kind === "scroll" && fit() ? { scroll: (props.layer as { scroll: ScrollMap }).scroll, height: fit()!.height } : null}>
          {(scroll) => (
            <>
              <For each={labelledDepths}>
                {(depth) => {
                  const share = () => scroll().scroll.depths.find((step) => step.depth === depth)?.share ?? 0;
                  return (
                    <div class="scroll-mark" style={{ top: px((depth / 100) * scroll().height) }}>
                      <span>
                        {depth} % down: {Math.round(share() * 100)} % reached
                      </span>
                    </div>
                  );
                }}
              </For>
              <Show when={scroll().scroll.averageFold}>
                {(fold) => (
                  <div class="scroll-fold" style={{ top: px((fold() / 100) * scroll().height) }}>
                    <span>Average fold ({fold()} % of the page)</span>
                  </div>
                )}
              </Show>
            </>
          )}
        </Show>
      </div>
    </div>
  );
}
