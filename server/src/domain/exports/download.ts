import type { ExportFormat } from "./exportTable.js";

/** A file an export produces: what to call it, its type, and its text, piece by piece. */
export interface Download {
  filename: string;
  contentType: string;
  /** The number of rows, when known before the first byte: a client shows progress against it. */
  rows?: number;
  body: AsyncIterable<string>;
}

/**
 * Documents a cursor hands over at a time while exporting: keeps an export's memory flat. Small on
 * purpose: a batch lives while it is encoded, so a large one survives the young generation's
 * collections and is promoted, and the old generation then grows with the rows until a full
 * collection (measured on 100,000 sessions, heap peak: 54 MB at 250, 186 MB at 1,000, 212 MB at
 * 2,000, which was also the slowest).
 */
export const exportBatchSize = 250;

export function contentTypeOf(format: ExportFormat): string {
  return format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
}
