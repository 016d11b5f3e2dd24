import { randomBytes } from "node:crypto";
import type { Db } from "mongodb";
import { findSiteByKey } from "../../repositories/siteRepository.js";
import type { CollectPayload } from "../../ingest/collectPayload.schema.js";
import { createCollectPipeline, type CollectPipeline } from "../../ingest/collectPipeline.js";
import { createSiteDirectory } from "../sites/siteDirectory.js";
import { claimSeedMarker, markSeedDone, type SeedMarker } from "./claimSeedMarker.js";
import { loadDemoRecordings, recordedOrigin, type DemoRecording, type RecordedBatch } from "./demoRecordings.js";
import { planDemoVisits, type PlannedVisit } from "./planDemoVisits.js";

interface DemoDataSeedDoc extends SeedMarker {
  _id: "demoData";
  siteKey: string;
  seed: string;
  plannedAt: Date;
  visits: number;
  days: number;
}

export interface DemoDataSeeded {
  sessions: number;
  pageViews: number;
  batches: number;
}

export interface SeedDemoDataOptions {
  /** The demo site just created by seedDemo; without it, only a seeding already started is resumed. */
  siteKey?: string | undefined;
  now: Date;
  /** The server's key for site-scoped visitor ids (visitorKeySecretOf the session secret). */
  visitorKeySecret: Buffer;
  visits?: number;
  days?: number;
  recordings?: DemoRecording[];
}

/** Long enough for a slow first start; a seeding that died is resumed by the next start after it. */
const leaseMs = 5 * 60_000;
/** Visits replayed at once (the batches of one page view go in order). */
const concurrency = 8;

/**
 * First start only: sessions, page views, heatmaps, scroll maps and daily figures for the demo
 * site, so the reports have something to show. The recorded visits (demoRecordings.ts) are
 * replayed through the real ingestion pipeline, with their own random ids, times spread over
 * the last fortnight and addresses that ingestion truncates, exactly as if browsers had sent
 * them: the pipeline masks, scrubs and checks them again. Resumable without transactions: the
 * plan's seed is fixed in a `meta` document first, so a second attempt replays the same
 * batches, which ingestion stores once (a replay is a duplicate) and derives once.
 */
export async function seedDemoData(db: Db, options: SeedDemoDataOptions): Promise<DemoDataSeeded | null> {
  const now = options.now;
  const siteKey = options.siteKey;
  const seed = await claimSeedMarker<DemoDataSeedDoc>(
    db,
    "demoData",
    async () =>
      siteKey
        ? {
            _id: "demoData",
            status: "pending",
            leaseUntil: now,
            siteKey,
            seed: randomBytes(16).toString("hex"),
            plannedAt: now,
            visits: options.visits ?? 60,
            days: options.days ?? 14,
          }
        : null,
    { now, leaseMs },
  );
  if (!seed) return null;

  const site = await findSiteByKey(db, seed.siteKey);
  const origin = site?.allowedOrigins[0];
  if (!origin) throw new Error(`the demo site ${seed.siteKey} is gone, or has no allowed origin to replay its visits from`);
  const visits = planDemoVisits(seed, options.recordings ?? (await loadDemoRecordings()));
  const pipeline = createCollectPipeline({ db, sites: createSiteDirectory(db), visitorKeySecret: options.visitorKeySecret });
  const replay = (visit: PlannedVisit) => replayVisit(pipeline, visit, seed.siteKey, origin);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < visits.length) await replay(visits[next++] as PlannedVisit);
    }),
  );
  await markSeedDone(db, "demoData");
  return {
    sessions: visits.length,
    pageViews: visits.reduce((sum, visit) => sum + visit.pageIds.length, 0),
    batches: visits.reduce((sum, visit) => sum + visit.recording.pageViews.flat().length, 0),
  };
}

async function replayVisit(pipeline: CollectPipeline, visit: PlannedVisit, siteKey: string, origin: string): Promise<void> {
  for (const [index, batches] of visit.recording.pageViews.entries()) {
    for (const batch of batches) {
      const payload: CollectPayload = { siteKey, sessionId: visit.sessionId, visitorId: visit.visitorId, pageId: visit.pageIds[index] as string, ...shifted(batch, visit.startAt) };
      const outcome = await pipeline.run({
        body: Buffer.from(JSON.stringify(payload).replaceAll(recordedOrigin, origin)),
        encoding: "identity",
        origin,
        ip: visit.ip,
        userAgent: visit.recording.userAgent,
        receivedAt: new Date(payload.sentAt),
      });
      if (outcome.kind !== "ok") {
        const why = outcome.kind === "drop" ? outcome.reason : outcome.rejection.message;
        throw new Error(`demo recording ${visit.recording.name}, page view ${index}, batch ${batch.seq}: ${outcome.kind} at ${outcome.step} (${why})`);
      }
    }
  }
}

/** The batch with its times moved from "ms into the visit" to the planned visit's. */
function shifted(batch: RecordedBatch, startAt: number): RecordedBatch {
  return {
    ...batch,
    sentAt: batch.sentAt + startAt,
    ...(batch.page ? { page: { ...batch.page, startedAt: batch.page.startedAt + startAt } } : {}),
    events: batch.events.map((event) => ({ ...event, timestamp: event.timestamp + startAt })),
  };
}
