import type { PageViewDoc, RecordingChunkDoc, SessionDoc } from "../../db/analyticsCollections.js";
import type { MarkedUpsert, PageViewKey } from "../../repositories/derivationRepository.js";
import { sessionOriginOf, technicalBreakdownOf, type BreakdownValue } from "../breakdownValues.js";
import type { BatchRollups } from "../computeBatchRollups.js";
import { unknownElement } from "../elementSelector.js";
import { reachedBuckets } from "./reachedBuckets.js";
import { withinReceiptWindow } from "./receiptWindow.js";

/**
 * What one derivation round writes, computed in memory from its chunks (MS-1.4, MS-3.1, MS-3.2):
 * one upsert per document however many chunks count into it. Pure: the round (deriveRound)
 * reads and writes, in the order these phases need.
 */

export interface RoundChunk {
  chunk: Omit<RecordingChunkDoc, "events">;
  rollups: BatchRollups;
  /** The selector of each element a rage or dead click of the batch landed on, by node id. */
  problemSelectors?: ReadonlyMap<number, string>;
}

const pageKeyOf = ({ tenantId, siteId, sessionKey, pageId }: PageViewKey) => JSON.stringify([tenantId, siteId, sessionKey, pageId]);

/** The chunks in the order they happened within each page view. */
function inPageOrder<T extends Pick<RoundChunk, "chunk">>(chunks: readonly T[]): T[] {
  // Each key spelled once, not twice per comparison: a round sorts up to 250 chunks.
  const keyed = chunks.map((item) => ({ item, key: pageKeyOf(item.chunk) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.item.chunk.seq - b.item.chunk.seq));
  return keyed.map(({ item }) => item);
}

export interface PageViewPlan {
  /** Every page view the round's chunks belong to (their depth before the round is read). */
  keys: PageViewKey[];
  /** The page views a chunk of the round names (its first batch): created unless they exist. */
  creations: { pageKey: string; upsert: MarkedUpsert }[];
}

/** Phase 1: the page views to create, each from its first batch (the one that names the page). */
export function planPageViews(chunks: readonly Pick<RoundChunk, "chunk">[], mark: string): PageViewPlan {
  const keys = new Map<string, PageViewKey>();
  const creations = new Map<string, MarkedUpsert>();
  for (const { chunk } of inPageOrder(chunks)) {
    const key = { tenantId: chunk.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId };
    const pageKey = pageKeyOf(key);
    keys.set(pageKey, key);
    const { page } = chunk.context;
    if (!page || creations.has(pageKey)) continue;
    const startedAt = withinReceiptWindow(page.startedAt, chunk.receivedAt);
    const fields: Omit<PageViewDoc, keyof PageViewKey> = {
      visitorKey: chunk.context.visitorKey,
      url: page.url,
      urlKey: page.urlKey,
      referrer: page.referrer,
      startedAt,
      lastEventAt: startedAt,
      loadTimeMs: page.loadTimeMs,
      breakpoint: chunk.context.breakpoint,
      maxScrollDepth: 0,
      createdBy: mark,
    };
    creations.set(pageKey, { filter: key, update: { $setOnInsert: fields } });
  }
  return { keys: [...keys.values()], creations: [...creations].map(([pageKey, upsert]) => ({ pageKey, upsert })) };
}

/** What the round knows about its page views before counting. */
export interface PageViewState {
  /** Page views created by this round (now, or by an earlier attempt of it). */
  created: ReadonlySet<string>;
  /** Page views as they were before the round, by page key. */
  before: ReadonlyMap<string, { maxScrollDepth: number; urlKey: string }>;
  /** The urlKey of the page views this round creates, by page key. */
  urlKeys: ReadonlyMap<string, string>;
}

export function pageKeysOf(views: readonly PageViewKey[]): string[] {
  return views.map(pageKeyOf);
}

interface Counter {
  filter: Record<string, string>;
  inc: Record<string, number>;
}

class Counters {
  readonly #byKey = new Map<string, Counter>();

  add(filter: Record<string, string>, inc: Record<string, number>): void {
    const key = JSON.stringify(filter);
    let counter = this.#byKey.get(key);
    if (!counter) this.#byKey.set(key, (counter = { filter, inc: {} }));
    for (const [field, value] of Object.entries(inc)) counter.inc[field] = (counter.inc[field] ?? 0) + value;
  }

  upserts(): MarkedUpsert[] {
    return [...this.#byKey.values()].map(({ filter, inc }) => ({ filter, update: { $inc: inc } }));
  }
}

export interface SessionPlan {
  /** Where the session's creation is counted (siteDaily.sessions) if this round creates it. */
  site: { tenantId: string; siteId: string; day: string };
  /** The breakdown values it is counted under (siteBreakdownDaily.sessions) if this round creates it. */
  breakdowns: BreakdownValue[];
  /** Page views this round adds to it: then the round may change its standing as a bounce. */
  pages: number;
  upsert: MarkedUpsert;
}

/** A round's change to one session's standing as a bounce, counted on the day the session was created. */
export interface BounceChange {
  day: string;
  change: -1 | 0 | 1;
}

export interface CountPlan {
  sessions: SessionPlan[];
  heatmapRollups: MarkedUpsert[];
  scrollRollups: MarkedUpsert[];
  pageDaily: MarkedUpsert[];
  /** Rage and dead clicks per page and clicked element. */
  clickTargets: MarkedUpsert[];
  /** Without sessions yet: those are known once the sessions are written (withCreatedSessions). */
  siteDaily: Counters;
  /** Page views by breakdown value; sessions are added once known, like siteDaily's. */
  breakdowns: Counters;
  pageViewExtensions: MarkedUpsert[];
}

interface SessionDraft {
  entry: RoundChunk;
  firstSeenAt: Date;
  lastSeenAt: Date;
  inc: Record<string, number>;
}

/** Phase 2: sessions, rollups and the page views' new depth, given what phase 1 found. */
export function planCounts(chunks: readonly RoundChunk[], pages: PageViewState, mark: string): CountPlan {
  const sessions = new Map<string, SessionDraft>();
  const heatmaps = new Counters();
  const scroll = new Counters();
  const pageDaily = new Counters();
  const siteDaily = new Counters();
  const breakdowns = new Counters();
  const clickTargets = new Counters();
  const extensions = new Map<string, { filter: PageViewKey; lastEventAt: Date; maxScrollDepth: number }>();
  const depthOf = new Map<string, number | null>();
  const pagesCounted = new Set<string>();

  for (const item of inPageOrder(chunks)) {
    const { chunk, rollups } = item;
    const { tenantId, siteId } = chunk;
    const { breakpoint, day } = chunk.context;
    const pageView = { tenantId, siteId, sessionKey: chunk.sessionKey, pageId: chunk.pageId };
    const pageKey = pageKeyOf(pageView);
    // A batch stored before its page's first one could not inherit the page's urlKey: its page view has it.
    const urlKey = chunk.context.urlKey || pages.urlKeys.get(pageKey) || pages.before.get(pageKey)?.urlKey || "";
    const created = pages.created.has(pageKey);
    const exists = created || pages.before.has(pageKey);
    // The batch naming a page view this round created counts the page view itself, once.
    const isCreator = created && chunk.context.page !== null && !pagesCounted.has(pageKey);
    if (isCreator) pagesCounted.add(pageKey);
    if (!depthOf.has(pageKey)) depthOf.set(pageKey, created ? null : (pages.before.get(pageKey)?.maxScrollDepth ?? null));
    const previousDepth = depthOf.get(pageKey) ?? null;
    const depth = Math.max(previousDepth ?? 0, rollups.maxScrollDepth ?? 0);
    if (exists) depthOf.set(pageKey, depth);
    const firstSeenAt = withinReceiptWindow(chunk.firstEventAt, chunk.receivedAt);
    const lastSeenAt = withinReceiptWindow(chunk.lastEventAt, chunk.receivedAt);
    if (exists) {
      const extension = extensions.get(pageKey);
      extensions.set(pageKey, {
        filter: pageView,
        lastEventAt: extension && extension.lastEventAt > lastSeenAt ? extension.lastEventAt : lastSeenAt,
        maxScrollDepth: Math.max(extension?.maxScrollDepth ?? 0, rollups.maxScrollDepth ?? 0),
      });
    } else {
      extensions.delete(pageKey);
    }

    const loadTimeMs = isCreator ? (chunk.context.page?.loadTimeMs ?? null) : null;
    const pageCounters = {
      pageViews: isCreator ? 1 : 0,
      loadTimeMsSum: loadTimeMs ?? 0,
      loadTimeCount: loadTimeMs === null ? 0 : 1,
      clicks: rollups.clicks,
      rageClicks: rollups.rageClicks,
      deadClicks: rollups.deadClicks,
    };
    if (urlKey) {
      for (const [kind, cells] of [["click", rollups.clickCells], ["move", rollups.moveCells], ["attention", rollups.attentionCells]] as const) {
        if (cells.size === 0) continue;
        const inc: Record<string, number> = { total: 0 };
        for (const [cell, count] of cells) {
          inc[`cells.${cell}`] = count;
          inc.total = (inc.total ?? 0) + count;
        }
        heatmaps.add({ tenantId, siteId, urlKey, breakpoint, day, kind }, inc);
      }
      const reached = exists ? reachedBuckets(previousDepth, depth) : [];
      if (reached.length) scroll.add({ tenantId, siteId, urlKey, breakpoint, day }, Object.fromEntries(reached.map((bucket) => [`reached.${bucket}`, 1])));
      pageDaily.add({ tenantId, siteId, urlKey, day }, pageCounters);
      for (const [target, counts] of rollups.problemTargets) {
        const selector = item.problemSelectors?.get(target) ?? unknownElement;
        clickTargets.add({ tenantId, siteId, urlKey, day, selector }, counts);
      }
      const view = chunk.context.view;
      if (isCreator && view?.documentHeight) {
        scroll.add({ tenantId, siteId, urlKey, breakpoint, day }, { foldSum: Math.min(100, (view.height / view.documentHeight) * 100), foldCount: 1 });
      }
    }
    if (isCreator) {
      for (const { dimension, value } of technicalBreakdownOf(chunk.context.technical)) breakdowns.add({ tenantId, siteId, day, dimension, value }, { pageViews: 1 });
    }
    siteDaily.add(
      { tenantId, siteId, day },
      {
        pageViews: pageCounters.pageViews,
        events: chunk.eventCount,
        storedBytes: chunk.storedBytes,
        loadTimeMsSum: pageCounters.loadTimeMsSum,
        loadTimeCount: pageCounters.loadTimeCount,
        rageClicks: rollups.rageClicks,
        deadClicks: rollups.deadClicks,
        violations: chunk.context.violationCount,
      },
    );

    const sessionKey = JSON.stringify([tenantId, siteId, chunk.sessionKey]);
    const draft = sessions.get(sessionKey) ?? { entry: item, firstSeenAt, lastSeenAt, inc: {} };
    sessions.set(sessionKey, draft);
    if (entryOrder(item) < entryOrder(draft.entry)) draft.entry = item;
    if (firstSeenAt < draft.firstSeenAt) draft.firstSeenAt = firstSeenAt;
    if (lastSeenAt > draft.lastSeenAt) draft.lastSeenAt = lastSeenAt;
    const increments = {
      eventCount: chunk.eventCount,
      pageCount: isCreator ? 1 : 0,
      rageClicks: rollups.rageClicks,
      deadClicks: rollups.deadClicks,
      violationCount: chunk.context.violationCount,
      droppedEvents: chunk.context.droppedEvents ?? 0,
    };
    for (const [field, value] of Object.entries(increments)) draft.inc[field] = (draft.inc[field] ?? 0) + value;
  }

  return {
    sessions: [...sessions.values()].map((draft) => sessionPlanOf(draft, mark)),
    heatmapRollups: heatmaps.upserts(),
    scrollRollups: scroll.upserts(),
    pageDaily: pageDaily.upserts(),
    clickTargets: clickTargets.upserts(),
    siteDaily,
    breakdowns,
    pageViewExtensions: [...extensions.values()].map(({ filter, lastEventAt, maxScrollDepth }) => ({ filter, update: { $max: { lastEventAt, maxScrollDepth } } })),
  };
}

/** A session's entry page is the one its visitor opened first: the batch naming it, earliest. */
function entryOrder({ chunk }: RoundChunk): number {
  return (chunk.context.page ? 0 : 1e15) + withinReceiptWindow(chunk.context.page?.startedAt ?? chunk.firstEventAt, chunk.receivedAt).getTime();
}

function sessionPlanOf({ entry, firstSeenAt, lastSeenAt, inc }: SessionDraft, mark: string): SessionPlan {
  const { chunk } = entry;
  const { context } = chunk;
  const onInsert: Partial<SessionDoc> = {
    visitorKey: context.visitorKey,
    technical: context.technical,
    ipTruncated: context.ipTruncated,
    policy: chunk.policy,
    entryUrl: context.page?.url ?? null,
    referrer: context.page?.referrer ?? null,
    day: context.day,
    createdBy: mark,
  };
  const pages = inc.pageCount ?? 0;
  return {
    site: { tenantId: chunk.tenantId, siteId: chunk.siteId, day: context.day },
    breakdowns: [...technicalBreakdownOf(context.technical), ...sessionOriginOf(context.page, context.urlKey)],
    pages,
    upsert: {
      filter: { tenantId: chunk.tenantId, siteId: chunk.siteId, sessionKey: chunk.sessionKey },
      update: {
        $setOnInsert: onInsert,
        $min: { firstSeenAt },
        $max: { lastSeenAt },
        $inc: inc,
        // In the write that adds the pages, so the order of the steps is the order of the increments.
        ...(pages > 0 ? { $push: { pageSteps: { $each: [{ round: mark, pages }], $slice: 2 } } } : {}),
      },
    },
  };
}

/**
 * Phase 3: the daily site figures, with the sessions this round created counted on their first
 * day, and the bounces it made or ended counted on the day their session was created.
 */
export function siteDailyUpserts(plan: CountPlan, createdSessions: readonly boolean[], bounceChanges: readonly (BounceChange | null)[] = []): MarkedUpsert[] {
  plan.sessions.forEach((session, index) => {
    if (createdSessions[index]) plan.siteDaily.add(session.site, { sessions: 1 });
    const bounce = bounceChanges[index];
    if (bounce && bounce.change !== 0) plan.siteDaily.add({ ...session.site, day: bounce.day }, { bounces: bounce.change });
  });
  return plan.siteDaily.upserts().map(({ filter, update }) => ({ filter, update: { $inc: { sessions: 0, bounces: 0, ...(update.$inc as Record<string, number>) } } }));
}

/** Phase 3, like siteDailyUpserts: the breakdowns, with the sessions this round created counted under their values. */
export function breakdownUpserts(plan: CountPlan, createdSessions: readonly boolean[]): MarkedUpsert[] {
  plan.sessions.forEach((session, index) => {
    if (!createdSessions[index]) return;
    for (const { dimension, value } of session.breakdowns) plan.breakdowns.add({ ...session.site, dimension, value }, { sessions: 1 });
  });
  return plan.breakdowns.upserts().map(({ filter, update }) => ({ filter, update: { $inc: { sessions: 0, pageViews: 0, ...(update.$inc as Record<string, number>) } } }));
}
