import type { Download } from "../exports/download.js";
import type { TenantCall } from "../tenantCall.js";
import { openVisitorData, type VisitorRecordingChunk } from "./openVisitorData.js";

async function* documentText(header: object, recordings: AsyncIterable<VisitorRecordingChunk>): AsyncGenerator<string> {
  // The header's closing brace is replaced by the recordings array, written chunk by chunk.
  yield `${JSON.stringify(header).slice(0, -1)},"recordings":[`;
  let first = true;
  for await (const chunk of recordings) {
    yield (first ? "" : ",") + JSON.stringify(chunk);
    first = false;
  }
  yield "]}\n";
}

/** The right-of-access document as a file, recordings streamed from a cursor (never whole in memory). */
export async function visitorDataDownload(call: TenantCall, input: { siteId: string; visitorId: string; visitorKeySecret: Buffer }): Promise<Download> {
  const opened = await openVisitorData(call, input);
  return { filename: "visitor-data.json", contentType: "application/json; charset=utf-8", body: documentText(opened.header, opened.recordings) };
}
