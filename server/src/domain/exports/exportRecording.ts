import { openRecording } from "../sessions/openRecording.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { TenantCall } from "../tenantCall.js";
import type { Download } from "./download.js";

/** One piece of text per stored chunk, so the file is written as the cursor is read. */
async function* jsonArray(batches: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const events of batches) {
    if (events.length === 0) continue;
    yield (first ? "\n" : ",\n") + events.map((event) => JSON.stringify(event)).join(",\n");
    first = false;
  }
  yield first ? "]\n" : "\n]\n";
}

/** A session's recording as an rrweb JSON array (what rrweb's Replayer takes), masked as replay is. Audited (MS-3.3). */
export async function exportRecording(call: TenantCall, siteId: string, sessionKey: string): Promise<Download> {
  const recording = await openRecording(call.scope, siteId, sessionKey);
  await recordAudit(call, "export.recording", { type: "site", id: recording.siteId }, { format: "rrweb-json" });
  return { filename: "recording.rrweb.json", contentType: "application/json; charset=utf-8", body: jsonArray(recording.eventBatches) };
}
