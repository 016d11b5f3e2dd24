import { z } from "zod";
import { isoDate } from "../common.schema.js";
import { pageRangeInput } from "./report.schema.js";

export const heatmapInput = pageRangeInput.extend({ kind: z.enum(["click", "move", "attention"]) });

export const heatmapOutput = z.object({
  kind: z.enum(["click", "move", "attention"]),
  /** Clicks or pointer positions over the range; for attention, milliseconds of rows on screen (cells in column 0). */
  total: z.number().int(),
  /** Page views of the page at the breakpoint over the range. */
  pageViews: z.number().int(),
  /** Cells are `column` (1/columns of the document width) by `row` (rowPx CSS pixels of the document height). */
  columns: z.number().int(),
  rowPx: z.number().int(),
  cells: z.array(z.object({ column: z.number().int(), row: z.number().int(), count: z.number().int() })),
  /** A stored page to draw the cells over: fetch its events with `reports.pageSnapshot`. */
  snapshot: z.object({ sessionId: z.string(), pageId: z.string(), seq: z.number().int(), startedAt: isoDate }).nullable(),
});
