import { setImmediate as nextTurn, setTimeout as delay } from "node:timers/promises";
import type { Db, ObjectId } from "mongodb";
import {
  createPageViews,
  extendPageViews,
  findFirstPageChunk,
  findPageViews,
  findSessionPageSteps,
  markChunksApplied,
  releaseChunks,
  releaseMarks,
  upsertMarked,
  type ClaimedChunk,
  type MarkedCollection,
  type MarkedOutcome,
  type MarkedUpsert,
} from "../../repositories/derivationRepository.js";
import type { SessionDoc } from "../../db/analyticsCollections.js";
import { findErasureFences } from "../../repositories/optOutRepository.js";
import type { BatchMemoryBudget, BatchMemoryLease } from "../../memory/batchMemoryBudget.js";
import { largeGarbage, type LargeGarbage } from "../../memory/largeGarbage.js";
import { decodeChunkEvents } from "../../repositories/recordingChunkRepository.js";
import { computeBatchRollups, type BatchRollups } from "../computeBatchRollups.js";
import { indexElements, selectorOf } from "../elementSelector.js";
import { bounceChange } from "./bounceChange.js";
import { breakdownUpserts, pageKeysOf, planCounts, planPageViews, siteDailyUpserts, type BounceChange, type RoundChunk, type SessionPlan } from "./planRound.js";

/** 1 MiB of JSON: a product page's snapshot or more; recorder batches are a few kB. */
const largeChunkBytes = 1024 * 1024;

/**
 * Derives sessions, page views and rollups (MS-1.4, MS-3.1, MS-3.2) from the chunks a round
 * holds, named `mark`, and marks them applied. Each collection gets one unordered bulkWrite of
 * upserts on unique keys (page views two: created before counting, deepened after it).
 *
 * Repeating a round that died at any point, with the chunks it still has pending, counts
 * nothing twice: counting writes skip documents that carry the mark (derivationRepository),
 * page views and sessions remember the round that created them, and page views are deepened
 * only after every count that reads their depth has landed, so a repeat reads what the first
 * attempt read.
 */
export async function deriveRound(
  db: Db,
  mark: string,
  held: readonly ClaimedChunk[],
  now: () => Date,
  options: {
    waitForFirstBatchMs: number;
    markIsNew?: boolean;
    largeGarbage?: LargeGarbage;
    memoryBudget?: BatchMemoryBudget;
    /** Events of chunks (by id in hex) the caller has in hand, as stored: counted without decoding what was read. */
    handedEvents?: ReadonlyMap<string, readonly unknown[]>;
  },
): Promise<number> {
  const markIsNew = options.markIsNew === true;
  if (held.length === 0) return 0;
  let pagePlan = planPageViews(held.map((chunk) => ({ chunk })), mark);
  const existing = await findPageViews(db, pagePlan.keys);
  const existingKeys = pageKeysOf(existing);

  // A later batch of a page view whose first batch (the one naming the page) is not counted
  // yet waits for it, so the page's depth, scroll map and figures see its batches in order
  // (retries reorder them). Given back before anything of it is written; one whose first batch
  // never came is counted alone after a while, as it came.
  const known = new Set([...existingKeys, ...pagePlan.creations.map(({ pageKey }) => pageKey)]);
  const waitingSince = now().getTime() - options.waitForFirstBatchMs;
  const heldKeys = pageKeysOf(held);
  const deferred = held.filter((chunk, index) => !chunk.context.page && !known.has(heldKeys[index] as string) && chunk._id.getTimestamp().getTime() > waitingSince);
  await releaseChunks(
    db,
    deferred.map((chunk) => chunk._id),
    mark,
  );
  let claimed = deferred.length ? held.filter((chunk) => !deferred.includes(chunk)) : held;
  if (claimed.length === 0) return 0;
  // One chunk's events decoded at a time: what is kept of each is its rollups, a few hundred
  // bytes, while a round may hold 250 chunks of up to 8 MiB of events each.
  let chunks: RoundChunk[] = [];
  for (const { events, eventsEncoding, ...chunk } of claimed) {
    // A large chunk's decoded events take about four times its JSON: decoded with that share of
    // the process's batch memory budget, and reported as garbage once counted.
    const large = chunk.rawBytes >= largeChunkBytes;
    const lease = large && options.memoryBudget ? await leaseOf(options.memoryBudget, 4 * chunk.rawBytes) : undefined;
    try {
      const decoded = options.handedEvents?.get(chunk._id.toHexString()) ?? (await decodeChunkEvents({ events: eventsOf(chunk._id, events), eventsEncoding }));
      const rollups = computeBatchRollups(decoded, chunk.context.view);
      chunks.push({ chunk, rollups, problemSelectors: await problemSelectorsOf(db, chunk, decoded, rollups) });
    } finally {
      lease?.release();
    }
    if (large) {
      (options.largeGarbage ?? largeGarbage).note(4 * chunk.rawBytes);
      // Requests go in between: decoding a large chunk is ~0.1 s of CPU, and without a database
      // call in it the loop would run every large chunk of the round without one (1.4 s measured).
      await nextTurn();
    }
  }
  // MS-4.1: a visitor an erasure has fenced gets nothing derived, checked as late as possible
  // (after decoding, just before the first write): their chunks are marked applied without being
  // counted, and the erasure deletes them.
  const fenced = await fencedChunksOf(db, claimed);
  if (fenced.size) {
    const discarded = claimed.filter((chunk) => fenced.has(chunk._id.toHexString()));
    await markChunksApplied(db, discarded.map((chunk) => chunk._id), mark, now());
    chunks = chunks.filter(({ chunk }) => !fenced.has(String(chunk._id?.toHexString())));
    claimed = claimed.filter((chunk) => !fenced.has(chunk._id.toHexString()));
    if (claimed.length === 0) return 0;
  }
  if (deferred.length || fenced.size) pagePlan = planPageViews(chunks, mark);

  const upserted = await createPageViews(db, pagePlan.creations.map(({ upsert }) => upsert));
  const created = new Set([
    ...pagePlan.creations.filter((_, index) => upserted[index]).map(({ pageKey }) => pageKey),
    ...existingKeys.filter((_, index) => existing[index]?.createdBy === mark),
  ]);
  const before = new Map(existingKeys.map((key, index) => [key, { maxScrollDepth: existing[index]?.maxScrollDepth ?? 0, urlKey: existing[index]?.urlKey ?? "" }]));
  const urlKeys = new Map(pagePlan.creations.map(({ pageKey, upsert }) => [pageKey, String((upsert.update.$setOnInsert as { urlKey?: unknown } | undefined)?.urlKey ?? "")]));

  const plan = planCounts(chunks, { created, before, urlKeys }, mark);
  const sessions = await upsertMarked(db, "sessions", plan.sessions.map(({ upsert }) => upsert), mark, { markIsNew });
  const createdSessions = sessions.map((outcome) => outcome.upserted || (outcome.already && outcome.createdBy === mark));
  const bounceChanges = await bounceChangesOf(db, plan.sessions, sessions, mark);
  const counted: [MarkedCollection, MarkedUpsert[]][] = [
    ["heatmapRollups", plan.heatmapRollups],
    ["scrollRollups", plan.scrollRollups],
    ["pageDaily", plan.pageDaily],
    ["siteDaily", siteDailyUpserts(plan, createdSessions, bounceChanges)],
    ["siteBreakdownDaily", breakdownUpserts(plan, createdSessions)],
    ["clickTargetDaily", plan.clickTargets],
  ];
  await Promise.all(counted.map(([collection, upserts]) => upsertMarked(db, collection, upserts, mark, { markIsNew })));
  await extendPageViews(db, plan.pageViewExtensions);
  await markChunksApplied(
    db,
    claimed.map((chunk) => chunk._id),
    mark,
    now(),
  );
  const marked: [MarkedCollection, MarkedUpsert[]][] = [["sessions", plan.sessions.map(({ upsert }) => upsert)], ...counted];
  await Promise.all(marked.map(([collection, upserts]) => releaseMarks(db, collection, upserts.map(({ filter }) => filter), mark)));
  return claimed.length;
}

/** A held chunk's stored events: read with it unless the caller said it had them in hand. */
function eventsOf(id: ObjectId, events: ClaimedChunk["events"]): NonNullable<ClaimedChunk["events"]> {
  if (!events) throw new Error(`chunk ${id.toHexString()}: its events were neither read nor handed over`);
  return events;
}

/** The ids (hex) of the round's chunks whose visitor an erasure has fenced: one read by the opt-outs' unique key. */
async function fencedChunksOf(db: Db, chunks: readonly ClaimedChunk[]): Promise<Set<string>> {
  const keyOf = (tenantId: string, siteId: string, visitorKey: string) => `${tenantId}\u0000${siteId}\u0000${visitorKey}`;
  const visitors = new Map(chunks.map((chunk) => [keyOf(chunk.tenantId, chunk.siteId, chunk.context.visitorKey), { tenantId: chunk.tenantId, siteId: chunk.siteId, visitorKey: chunk.context.visitorKey }]));
  const fences = new Set((await findErasureFences(db, [...visitors.values()])).map((fence) => keyOf(fence.tenantId, fence.siteId, fence.visitorKey)));
  return new Set(chunks.filter((chunk) => fences.has(keyOf(chunk.tenantId, chunk.siteId, chunk.context.visitorKey))).map((chunk) => chunk._id.toHexString()));
}

/**
 * What the round did to each session's standing as a bounce, read back from the sessions it added
 * pages to (after its own write to them, so a repeated attempt reads the same steps). A session
 * this attempt's write inserted is not read: it holds this round's step alone, on the day the
 * round gave it.
 */
async function bounceChangesOf(db: Db, sessions: readonly SessionPlan[], outcomes: readonly MarkedOutcome[], mark: string): Promise<(BounceChange | null)[]> {
  const toRead = sessions.filter((session, index) => session.pages > 0 && !outcomes[index]?.upserted);
  const found = await findSessionPageSteps(db, toRead.map((session) => session.upsert.filter));
  const read = new Map(toRead.map((session, index) => [session, found[index]]));
  return sessions.map((session, index) => {
    const stored: Pick<SessionDoc, "day" | "pageSteps"> | null | undefined =
      session.pages > 0 && outcomes[index]?.upserted ? { day: session.site.day, pageSteps: [{ round: mark, pages: session.pages }] } : read.get(session);
    // A session derived before its day was kept is in no day's figures.
    if (!stored?.day) return null;
    return { day: stored.day, change: bounceChange(stored.pageSteps ?? [], mark) };
  });
}

/**
 * The elements rage and dead clicks landed on, named from the batch's own snapshot and additions,
 * and, for a later batch, from its page view's first batch (its full snapshot): one more read,
 * made only for a batch with such clicks.
 */
async function problemSelectorsOf(db: Db, chunk: Omit<ClaimedChunk, "events">, events: readonly unknown[], rollups: BatchRollups): Promise<Map<number, string>> {
  if (rollups.problemTargets.size === 0) return new Map();
  const index = indexElements(events);
  const missing = [...rollups.problemTargets.keys()].some((target) => !index.has(target));
  if (missing && chunk.seq > 0) {
    const first = await findFirstPageChunk(db, chunk);
    if (first) indexElements(await decodeChunkEvents(first), index);
  }
  return new Map([...rollups.problemTargets.keys()].map((target) => [target, selectorOf(target, index)]));
}

/** A lease of `bytes` from the budget, waiting in its queue; while the queue is full (the budget answers 429 then), tried again every 100 ms. */
async function leaseOf(budget: BatchMemoryBudget, bytes: number): Promise<BatchMemoryLease> {
  for (;;) {
    const waiting = budget.acquire(bytes);
    if (waiting) return waiting;
    await delay(100);
  }
}
