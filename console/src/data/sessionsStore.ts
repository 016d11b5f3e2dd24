import type { MousetrailClient, RouterInputs, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource, createSignal } from "solid-js";
import { startOfDayIn } from "../ui/siteTime.js";
import { createCursorTrail } from "./cursorTrail.js";

export type SessionSummary = RouterOutputs["sessions"]["list"]["sessions"][number];
export type SessionDetail = RouterOutputs["sessions"]["get"];

/** The filters as the form holds them: text as typed, "" for "any". */
export interface SessionFilter {
  /** Days as date inputs give them (`2026-03-01`), in the site's time zone. */
  fromDay: string;
  toDay: string;
  /** A page the session visited: an absolute URL. */
  url: string;
  deviceClass: "" | "mobile" | "tablet" | "desktop";
  browser: string;
  /** Whole seconds, as typed. */
  minDurationSeconds: string;
  rageClicksOnly: boolean;
  violationsOnly: boolean;
}

export const noSessionFilter: SessionFilter = { fromDay: "", toDay: "", url: "", deviceClass: "", browser: "", minDurationSeconds: "", rageClicksOnly: false, violationsOnly: false };

type SessionQueryFilter = Omit<RouterInputs["sessions"]["list"], "tenantId" | "siteId" | "limit" | "cursor">;

/**
 * The filter as the server takes it: empty fields left out, the days turned into the range from
 * the first day's start to the last day's end in the site's time zone (the server's `to` is
 * exclusive). A number that is not one is sent as typed, so the server's error names the field.
 */
export function sessionQueryFilter(filter: SessionFilter, timeZone: string): SessionQueryFilter {
  const query: SessionQueryFilter = {};
  if (filter.fromDay !== "") query.from = startOfDayIn(filter.fromDay, timeZone).toISOString();
  if (filter.toDay !== "") query.to = startOfDayIn(filter.toDay, timeZone, 1).toISOString();
  const url = filter.url.trim();
  if (url !== "") query.url = url;
  if (filter.deviceClass !== "") query.deviceClass = filter.deviceClass;
  const browser = filter.browser.trim();
  if (browser !== "") query.browser = browser;
  const seconds = filter.minDurationSeconds.trim();
  if (seconds !== "") query.minDurationMs = Number(seconds) * 1000;
  if (filter.rageClicksOnly) query.hasRageClicks = true;
  if (filter.violationsOnly) query.hasViolations = true;
  return query;
}

/**
 * A site's sessions, newest first, a page at a time, filtered by the server: `next()` follows the
 * cursor, `previous()` goes back, and a new filter starts again from the newest page.
 */
export function createSessionsStore(api: MousetrailClient, tenantId: string, siteId: string, timeZone: () => string, pageSize = 25) {
  const [filter, setFilterSignal] = createSignal<SessionFilter>(noSessionFilter);
  const trail = createCursorTrail();
  const [page] = createResource(
    () => ({ cursor: trail.cursor(), query: sessionQueryFilter(filter(), timeZone()) }),
    ({ cursor, query }) => api.sessions.list.query({ tenantId, siteId, limit: pageSize, ...query, ...(cursor ? { cursor } : {}) }),
  );
  return {
    page,
    filter,
    setFilter(next: SessionFilter) {
      trail.restart();
      setFilterSignal(next);
    },
    pageNumber: trail.pageNumber,
    next: () => trail.older(page()?.nextCursor),
    previous: trail.newer,
  };
}

/** One session's details: its pages and figures, for the replay screen. */
export function createSessionStore(api: MousetrailClient, tenantId: string, siteId: string, sessionId: string) {
  const [session] = createResource(() => api.sessions.get.query({ tenantId, siteId, sessionId }));
  return { session };
}
