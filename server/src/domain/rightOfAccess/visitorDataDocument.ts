import { AppError } from "../../errors/appError.js";
import type { TenantCall } from "../tenantCall.js";
import { openVisitorData, type VisitorDataHeader, type VisitorRecordingChunk } from "./openVisitorData.js";

export type VisitorDataDocument = VisitorDataHeader & { recordings: VisitorRecordingChunk[] };

/** Recording events returned in one API answer at most; the download route streams any amount. */
export const maxInlineRecordingEvents = 100_000;

/**
 * The right-of-access document as one value, for the API. A visitor with more recorded events
 * than one answer may carry is told to use the download, which streams the same document.
 */
export async function visitorDataDocument(call: TenantCall, input: { siteId: string; visitorId: string; visitorKeySecret: Buffer }): Promise<VisitorDataDocument> {
  const opened = await openVisitorData(call, input);
  const recordings: VisitorRecordingChunk[] = [];
  let events = 0;
  for await (const chunk of opened.recordings) {
    events += chunk.events.length;
    if (events > maxInlineRecordingEvents) {
      throw new AppError("PAYLOAD_TOO_LARGE", {
        userMessage: `visitorId: this visitor's recordings hold more than ${maxInlineRecordingEvents} events; download the document from GET /exports/visitor-data, which streams it`,
        field: "visitorId",
      });
    }
    recordings.push(chunk);
  }
  return { ...opened.header, recordings };
}
