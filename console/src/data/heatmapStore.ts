import type { MousetrailClient, RouterInputs, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, type Accessor } from "solid-js";

export type SitePage = RouterOutputs["reports"]["pages"][number];
export type Heatmap = RouterOutputs["reports"]["heatmap"];
export type ScrollMap = RouterOutputs["reports"]["scrollMap"];
export type ClickProblem = RouterOutputs["reports"]["clickProblems"][number];
export type Breakpoint = RouterInputs["reports"]["heatmap"]["breakpoint"];
export type HeatmapKind = RouterInputs["reports"]["heatmap"]["kind"];

export const breakpoints: readonly Breakpoint[] = ["mobile", "tablet", "desktop"];

/** One page at one breakpoint over a range of the site's days: what every heatmap report reads. */
export interface PageSelection {
  urlKey: string;
  breakpoint: Breakpoint;
  fromDay: string;
  toDay: string;
}

/** The site's pages over a range, most viewed first, narrowed by a search. */
export function createSitePagesStore(api: MousetrailClient, tenantId: string, siteId: string, filter: Accessor<{ search: string; fromDay: string; toDay: string }>) {
  const [pages] = createResource(filter, ({ search, fromDay, toDay }) =>
    api.reports.pages.query({ tenantId, siteId, fromDay, toDay, limit: 100, ...(search.trim() ? { search: search.trim() } : {}) }),
  );
  return { pages };
}

/**
 * One page's heatmap (its cells, page views and a stored page to draw on), its scroll map, its
 * rage and dead clicks, and the stored page's events. Each loads when its input is known; a
 * scroll map still reads the click heatmap for the page it draws on.
 */
export function createHeatmapStore(api: MousetrailClient, tenantId: string, siteId: string, selection: Accessor<(PageSelection & { kind: HeatmapKind; scroll: boolean }) | null>) {
  const [heatmap] = createResource(selection, ({ scroll: _scroll, ...query }) => api.reports.heatmap.query({ tenantId, siteId, ...query }));
  const [scrollMap] = createResource(
    () => {
      const current = selection();
      return current?.scroll ? { urlKey: current.urlKey, breakpoint: current.breakpoint, fromDay: current.fromDay, toDay: current.toDay } : null;
    },
    (query) => api.reports.scrollMap.query({ tenantId, siteId, ...query }),
  );
  const [clickProblems] = createResource(
    () => {
      const current = selection();
      return current && !current.scroll ? { urlKey: current.urlKey, fromDay: current.fromDay, toDay: current.toDay } : null;
    },
    (query) => api.reports.clickProblems.query({ tenantId, siteId, ...query, limit: 50 }),
  );
  const [pageEvents] = createResource(
    () => {
      const snapshot = heatmap.latest?.snapshot;
      return snapshot ? `${snapshot.sessionId}/${snapshot.pageId}/${snapshot.seq}` : null;
    },
    async (address) => {
      const [sessionId, pageId, seq] = address.split("/") as [string, string, string];
      return (await api.reports.pageSnapshot.query({ tenantId, siteId, sessionId, pageId, seq: Number(seq) })).events;
    },
  );
  return { heatmap, scrollMap, clickProblems, pageEvents };
}
