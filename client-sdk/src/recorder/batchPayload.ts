import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";

export type BatchHeader = Omit<CollectPayload, "events">;

/**
 * The JSON text of one `POST /collect` batch. Events are queued as JSON already, so they are
 * spliced in rather than parsed and serialised a second time.
 */
export function batchPayloadJson(header: BatchHeader, eventsJson: readonly string[]): string {
  return `${JSON.stringify(header).slice(0, -1)},"events":[${eventsJson.join(",")}]}`;
}
