import { describe, expect, it } from "vitest";
import type { BatchRollups } from "../computeBatchRollups.js";
import { receiptWindow } from "./receiptWindow.js";
import { pageKeysOf, planCounts, planPageViews, siteDailyUpserts, type RoundChunk } from "./planRound.js";

const receivedAt = new Date("2026-03-02T10:00:00Z");
const page = { tenantId: "t", siteId: "s", sessionKey: "k", pageId: "p" };
const [pageKey] = pageKeysOf([page]) as [string];

function chunk(seq: number, rollups: Partial<BatchRollups> = {}, options: { urlKey?: string; named?: boolean } = {}): RoundChunk {
  return {
    chunk: {
      ...page,
      seq,
      receivedAt,
      firstEventAt: receivedAt,
      lastEventAt: new Date(receivedAt.getTime() + seq * 1_000),
      eventCount: 10,
      rawBytes: 100,
      storedBytes: 50,
      rollup: { state: "pending", claimedUntil: new Date(0), claim: "r_test" },
      policy: { id: "mousestats", version: 1 },
      context: {
        visitorKey: "v",
        technical: {},
        ipTruncated: null,
        breakpoint: "desktop",
        urlKey: options.urlKey ?? "shop.example/cart",
        day: "2026-03-02",
        page: options.named ? { url: "https://shop.example/cart", urlKey: "shop.example/cart", referrer: null, startedAt: receivedAt, loadTimeMs: 500 } : null,
        view: null,
        violationCount: 0,
      },
    },
    rollups: { clickCells: new Map(), moveCells: new Map(), attentionCells: new Map(), clicks: 0, rageClicks: 0, deadClicks: 0, problemTargets: new Map(), maxScrollDepth: null, eventCount: 10, firstEventAt: null, lastEventAt: null, ...rollups },
  };
}

const scrollOf = (plan: ReturnType<typeof planCounts>) => plan.scrollRollups.map((upsert) => Object.keys((upsert.update.$inc ?? {}) as object).map((key) => Number(key.split(".")[1])));

describe("MS-1.4 planning a derivation round", () => {
  it("never dates a session or page view from the far past: a batch stamped 1970 counts at the edge of the window around its receipt", () => {
    const stamped1970 = chunk(0, {}, { named: true });
    stamped1970.chunk.firstEventAt = new Date(1);
    stamped1970.chunk.context.page = { ...stamped1970.chunk.context.page!, startedAt: new Date(1) };
    const edge = new Date(receivedAt.getTime() - receiptWindow.backMs);
    expect(planPageViews([stamped1970], "r_0").creations[0]?.upsert.update.$setOnInsert).toMatchObject({ startedAt: edge });
    const plan = planCounts([stamped1970], { created: new Set([pageKey]), before: new Map(), urlKeys: new Map() }, "r_0");
    expect(plan.sessions[0]?.upsert.update.$min).toEqual({ firstSeenAt: edge });
  });

  it("creates a page view from the batch that names it, once, however many of its batches the round holds", () => {
    const plan = planPageViews([chunk(1), chunk(0, {}, { named: true }), chunk(2)], "r_1");
    expect(plan.keys).toEqual([page]);
    expect(plan.creations).toHaveLength(1);
    expect(plan.creations[0]?.upsert.update.$setOnInsert).toMatchObject({ url: "https://shop.example/cart", createdBy: "r_1", maxScrollDepth: 0 });
  });

  it("counts a page view it created once, with every depth up to the deepest of its batches", () => {
    const plan = planCounts([chunk(0, { maxScrollDepth: 20 }, { named: true }), chunk(1, { maxScrollDepth: 55 })], { created: new Set([pageKey]), before: new Map(), urlKeys: new Map() }, "r_1");
    expect(plan.pageDaily[0]?.update.$inc).toMatchObject({ pageViews: 1, loadTimeMsSum: 500, loadTimeCount: 1 });
    expect(plan.sessions[0]?.upsert.update.$inc).toMatchObject({ pageCount: 1, eventCount: 20 });
    expect(scrollOf(plan)).toEqual([[0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]]);
    expect(plan.pageViewExtensions[0]?.update.$max).toMatchObject({ maxScrollDepth: 55 });
  });

  it("counts only the depths a page view reaches beyond where it was before the round", () => {
    const plan = planCounts([chunk(3, { maxScrollDepth: 60 })], { created: new Set(), before: new Map([[pageKey, { maxScrollDepth: 40, urlKey: "shop.example/cart" }]]), urlKeys: new Map() }, "r_2");
    expect(scrollOf(plan)).toEqual([[45, 50, 55, 60]]);
    expect(plan.pageDaily[0]?.update.$inc).toMatchObject({ pageViews: 0 });
    expect(plan.sessions[0]?.upsert.update.$inc).toMatchObject({ pageCount: 0 });
  });

  it("gives a batch stored before its page's first one the page view's urlKey", () => {
    const plan = planCounts([chunk(2, { clicks: 1, clickCells: new Map([["1_1", 1]]) }, { urlKey: "" })], { created: new Set(), before: new Map([[pageKey, { maxScrollDepth: 0, urlKey: "shop.example/cart" }]]), urlKeys: new Map() }, "r_3");
    expect(plan.heatmapRollups[0]?.filter).toMatchObject({ urlKey: "shop.example/cart", kind: "click" });
  });

  it("counts no depth and deepens nothing for a page view that does not exist", () => {
    const plan = planCounts([chunk(2, { maxScrollDepth: 80 })], { created: new Set(), before: new Map(), urlKeys: new Map() }, "r_4");
    expect(plan.scrollRollups).toEqual([]);
    expect(plan.pageViewExtensions).toEqual([]);
  });

  it("MS-3.2 counts a session on the site's day only when the round created it", () => {
    const plan = planCounts([chunk(0, {}, { named: true })], { created: new Set([pageKey]), before: new Map(), urlKeys: new Map() }, "r_5");
    expect(siteDailyUpserts(plan, [false])[0]?.update.$inc).toMatchObject({ sessions: 0, pageViews: 1, events: 10 });
    const again = planCounts([chunk(0, {}, { named: true })], { created: new Set([pageKey]), before: new Map(), urlKeys: new Map() }, "r_5");
    expect(siteDailyUpserts(again, [true])[0]?.update.$inc).toMatchObject({ sessions: 1 });
  });
});
