import type { ExportFormat } from "./exportTable.js";

/** A file an export produces: what to call it, its type, and its text, piece by piece. */
export interface Download {
  filename: string;
  contentType: string;
  /** The number of rows, when known before the first byte: a client shows progress against it. */
  rows?: number;
  body: AsyncIterable<string>;
}

/** Documents a cursor hands over at a time while exporting: keeps an export's memory flat. */
export const exportBatchSize = 2_000;

export function contentTypeOf(format: ExportFormat): string {
  return format === "csv" ? "text/csv; charset=utf-8; header=present" : "application/json; charset=utf-8";
}
