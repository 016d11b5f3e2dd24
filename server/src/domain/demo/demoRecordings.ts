import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import type { CollectPayload } from "../../ingest/collectPayload.schema.js";

const gunzipAsync = promisify(gunzip);

/**
 * Visits to the demo shop recorded in Chromium with the real recorder
 * (server/scripts/recordDemoSessions.ts): what the recorder POSTed to /collect, already masked
 * by it, one gzip JSON file per visit in server/demo-site/recordings/. seedDemoData replays
 * them through the ingestion pipeline so that a new installation has reports to show.
 */
export interface DemoRecording {
  v: 1;
  /** The file's name without `.json.gz`, e.g. `mobile-reader`. */
  name: string;
  /** The browser's User-Agent header: the server reads browser and OS from it (MS-1.1). */
  userAgent: string;
  /** From the visit's start to the last batch sent, in ms. */
  durationMs: number;
  /** Each page view's batches in the order they were sent. */
  pageViews: RecordedBatch[][];
}

/**
 * A batch as the recorder sent it, without the site key and the session, visitor and page ids
 * (a replay brings its own), with its times (`sentAt`, `page.startedAt`, every event's
 * `timestamp`) in ms from the start of the visit, and the shop's origin written as
 * `recordedOrigin`.
 */
export type RecordedBatch = Omit<CollectPayload, "siteKey" | "sessionId" | "visitorId" | "pageId">;

/** Stands for the recording server's origin in every URL of a recording; a replay puts the demo site's. */
export const recordedOrigin = "https://demo-shop.invalid";

/** server/demo-site/recordings, from src/domain/demo under vitest and from dist/domain/demo when built. */
export const demoRecordingsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../demo-site/recordings");

export async function loadDemoRecordings(directory = demoRecordingsDir): Promise<DemoRecording[]> {
  const names = (await readdir(directory)).filter((name) => name.endsWith(".json.gz")).sort();
  return Promise.all(
    names.map(async (name) => {
      const recording = JSON.parse((await gunzipAsync(await readFile(path.join(directory, name)))).toString("utf8")) as DemoRecording;
      if (recording.v !== 1 || !Array.isArray(recording.pageViews) || recording.pageViews.some((batches) => !Array.isArray(batches) || batches.length === 0)) {
        throw new Error(`${name}: not a demo recording of version 1 with a batch in every page view`);
      }
      return recording;
    }),
  );
}
