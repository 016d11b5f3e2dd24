import { EventType, IncrementalSource, MouseInteractions } from "@rrweb/types";
import { cellAt, encodeCell, heatmapMaxRows, heatmapRowPx } from "./heatmapCell.js";

/** Where the page was when the batch's first event happened (from the payload or a Meta event). */
export interface ViewState {
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
  /** Needed for scroll depth; unknown depth is left out rather than guessed. */
  documentHeight: number | null;
}

export interface BatchRollups {
  clickCells: Map<string, number>;
  moveCells: Map<string, number>;
  /** Attention: milliseconds each row of the document was on screen, as cells of column 0. */
  attentionCells: Map<string, number>;
  clicks: number;
  rageClicks: number;
  deadClicks: number;
  /** Rage bursts (by their first click's target) and dead clicks, by the rrweb node id clicked. */
  problemTargets: Map<number, { rageClicks: number; deadClicks: number }>;
  /** Deepest point reached in this batch, percent of the document height; null when unknown. */
  maxScrollDepth: number | null;
  eventCount: number;
  firstEventAt: number | null;
  lastEventAt: number | null;
}

/** Three or more clicks within a second within 30 px: a visitor hammering something that does not respond. */
export const rageClick = { minClicks: 3, windowMs: 1_000, radiusPx: 30 } as const;
/** A pause longer than this counts as this long: a visitor who left the tab is not paying attention. */
export const attentionIdleMs = 30_000;

/** A click after which nothing changes (no DOM mutation, input, scroll or navigation) for a second. */
export const deadClickWindowMs = 1_000;

interface Click {
  at: number;
  x: number;
  y: number;
  /** The rrweb node id clicked, when the event names one. */
  target?: number;
}

type EventLike = { type?: unknown; timestamp?: unknown; data?: unknown };

/**
 * Sums one batch of (masked) rrweb events into heatmap cells, click patterns and scroll depth,
 * in memory, so the storage step writes a handful of `$inc` upserts per batch however many
 * events it holds (MS-1.4, MS-3.1). Positions become document coordinates by adding the
 * document's scroll offset, then columns relative to the viewport width. Tolerates any event
 * shape: what it cannot read it skips.
 */
export function computeBatchRollups(events: readonly unknown[], initialView: ViewState | null): BatchRollups {
  const result: BatchRollups = {
    clickCells: new Map(),
    moveCells: new Map(),
    attentionCells: new Map(),
    clicks: 0,
    rageClicks: 0,
    deadClicks: 0,
    problemTargets: new Map(),
    maxScrollDepth: null,
    eventCount: events.length,
    firstEventAt: null,
    lastEventAt: null,
  };
  let view = initialView ? { ...initialView } : null;
  // rrweb gives the document node id 1 in every recording; a full snapshot says so explicitly.
  let documentNodeId = 1;
  const clicks: Click[] = [];
  const effects: number[] = [];

  const noteDepth = () => {
    if (!view?.documentHeight) return;
    const depth = Math.min(100, Math.max(0, ((view.scrollY + view.height) / view.documentHeight) * 100));
    result.maxScrollDepth = Math.max(result.maxScrollDepth ?? 0, depth);
  };
  const cellOf = (x: number, y: number): string | null => {
    const cell = view ? cellAt(x, y, view) : null;
    return cell ? encodeCell(cell) : null;
  };
  noteDepth();
  let attentionSince: number | null = null;
  // The rows on screen since the last event were seen for the time until this one.
  const noteAttention = (at: number) => {
    if (view && attentionSince !== null && at > attentionSince) {
      const ms = Math.round(Math.min(attentionIdleMs, at - attentionSince));
      const first = Math.max(0, Math.floor(view.scrollY / heatmapRowPx));
      const last = Math.min(heatmapMaxRows - 1, Math.floor((view.scrollY + view.height - 1) / heatmapRowPx));
      for (let row = first; row <= last; row++) {
        const key = encodeCell({ column: 0, row });
        result.attentionCells.set(key, (result.attentionCells.get(key) ?? 0) + ms);
      }
    }
    if (attentionSince === null || at > attentionSince) attentionSince = at;
  };

  for (const raw of events) {
    if (typeof raw !== "object" || raw === null) continue;
    const event = raw as EventLike;
    const at = typeof event.timestamp === "number" && Number.isFinite(event.timestamp) ? event.timestamp : null;
    if (at !== null) noteAttention(at);
    if (at !== null) {
      result.firstEventAt = Math.min(result.firstEventAt ?? at, at);
      result.lastEventAt = Math.max(result.lastEventAt ?? at, at);
    }
    const data = (typeof event.data === "object" && event.data !== null ? event.data : {}) as Record<string, unknown>;

    if (event.type === EventType.Meta) {
      if (isPositive(data.width) && isPositive(data.height)) {
        view = { scrollX: 0, scrollY: 0, documentHeight: null, ...view, width: data.width, height: data.height };
      }
      if (at !== null) effects.push(at);
      continue;
    }
    if (event.type === EventType.FullSnapshot) {
      const node = data.node as { id?: unknown } | undefined;
      if (typeof node?.id === "number") documentNodeId = node.id;
      const offset = data.initialOffset as { left?: unknown; top?: unknown } | undefined;
      if (view && typeof offset?.left === "number" && typeof offset.top === "number") {
        view.scrollX = offset.left;
        view.scrollY = offset.top;
        noteDepth();
      }
      continue;
    }
    if (event.type !== EventType.IncrementalSnapshot) continue;

    switch (data.source) {
      case IncrementalSource.MouseMove:
      case IncrementalSource.TouchMove: {
        for (const position of Array.isArray(data.positions) ? (data.positions as unknown[]) : []) {
          if (typeof position !== "object" || position === null) continue;
          const { x, y } = position as { x?: unknown; y?: unknown };
          const cell = typeof x === "number" && typeof y === "number" ? cellOf(x, y) : null;
          if (cell) result.moveCells.set(cell, (result.moveCells.get(cell) ?? 0) + 1);
        }
        break;
      }
      case IncrementalSource.MouseInteraction: {
        if (data.type !== MouseInteractions.Click || typeof data.x !== "number" || typeof data.y !== "number") break;
        const cell = cellOf(data.x, data.y);
        if (cell) result.clickCells.set(cell, (result.clickCells.get(cell) ?? 0) + 1);
        result.clicks++;
        if (at !== null && view) clicks.push({ at, x: data.x + view.scrollX, y: data.y + view.scrollY, ...(typeof data.id === "number" ? { target: data.id } : {}) });
        break;
      }
      case IncrementalSource.Scroll: {
        if (data.id === documentNodeId && view && typeof data.x === "number" && typeof data.y === "number") {
          view.scrollX = data.x;
          view.scrollY = data.y;
          noteDepth();
        }
        if (at !== null) effects.push(at);
        break;
      }
      case IncrementalSource.ViewportResize: {
        if (isPositive(data.width) && isPositive(data.height)) {
          view = { scrollX: 0, scrollY: 0, documentHeight: null, ...view, width: data.width, height: data.height };
          noteDepth();
        }
        break;
      }
      case IncrementalSource.Mutation:
      case IncrementalSource.Input:
        if (at !== null) effects.push(at);
        break;
      default:
        break;
    }
  }

  const bursts = rageClickBursts(clicks);
  const dead = deadClicksOf(clicks, effects, result.lastEventAt);
  result.rageClicks = bursts.length;
  result.deadClicks = dead.length;
  for (const [field, found] of [["rageClicks", bursts], ["deadClicks", dead]] as const) {
    for (const { target } of found) {
      if (target === undefined) continue;
      const counts = result.problemTargets.get(target) ?? { rageClicks: 0, deadClicks: 0 };
      counts[field]++;
      result.problemTargets.set(target, counts);
    }
  }
  return result;
}

function isPositive(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

/** Counts bursts (not clicks): a burst of five rapid clicks is one rage click. */
export function countRageClicks(clicks: readonly Click[]): number {
  return rageClickBursts(clicks).length;
}

/** The first click of each rage burst. */
export function rageClickBursts(clicks: readonly Click[]): Click[] {
  const sorted = [...clicks].sort((a, b) => a.at - b.at);
  const bursts: Click[] = [];
  let index = 0;
  while (index < sorted.length) {
    const first = sorted[index] as Click;
    let end = index + 1;
    while (end < sorted.length) {
      const next = sorted[end] as Click;
      if (next.at - first.at > rageClick.windowMs || Math.hypot(next.x - first.x, next.y - first.y) > rageClick.radiusPx) break;
      end++;
    }
    if (end - index >= rageClick.minClicks) {
      bursts.push(first);
      index = end;
    } else {
      index++;
    }
  }
  return bursts;
}

/**
 * Clicks followed by no visible effect within the window. A click too close to the end of the
 * batch to tell is not counted: the batch after it cannot see it either, so dead clicks are a
 * slight undercount rather than a guess.
 */
export function countDeadClicks(clicks: readonly Click[], effects: readonly number[], lastEventAt: number | null): number {
  return deadClicksOf(clicks, effects, lastEventAt).length;
}

/** The dead clicks themselves (see countDeadClicks). */
export function deadClicksOf(clicks: readonly Click[], effects: readonly number[], lastEventAt: number | null): Click[] {
  if (lastEventAt === null) return [];
  const sortedEffects = [...effects].sort((a, b) => a - b);
  return clicks.filter((click) => {
    if (click.at + deadClickWindowMs > lastEventAt) return false;
    return !sortedEffects.some((effect) => effect > click.at && effect <= click.at + deadClickWindowMs);
  });
}
