import type { BreakdownDimension, Breakpoint, HeatmapKind } from "../../db/analyticsCollections.js";
import { recordAudit } from "../../domain/audit/recordAudit.js";
import { contentTypeOf, type Download } from "../../domain/exports/download.js";
import { encodeExport, type ExportFormat, type ExportTable } from "../../domain/exports/exportTable.js";
import type { TenantCall } from "../../domain/tenantCall.js";
import { clickProblems } from "../queries/clickProblems.js";
import { heatmapReport } from "../queries/heatmapReport.js";
import { overviewReport } from "../queries/overviewReport.js";
import { scrollMap } from "../queries/scrollMap.js";
import { siteBreakdown } from "../queries/siteBreakdown.js";
import { sitePages } from "../queries/sitePages.js";
import { breakdownTable, clickProblemsTable, heatmapCellsTable, overviewDaysTable, pagesTable, scrollDepthsTable } from "./reportTables.js";

interface Range {
  siteId: string;
  fromDay: string;
  toDay: string;
}
interface Page extends Range {
  urlKey: string;
  breakpoint: Breakpoint;
}

/** A report to export, as its procedure takes it (without the tenant: the call carries it). */
export type ReportQuery =
  | ({ report: "overview"; limit: number } & Range)
  | ({ report: "pages"; search?: string | undefined; limit: number } & Range)
  | ({ report: "breakdown"; dimension: BreakdownDimension; limit: number } & Range)
  | ({ report: "heatmap"; kind: HeatmapKind } & Page)
  | ({ report: "scrollMap" } & Page)
  | ({ report: "clickProblems"; urlKey?: string | undefined; limit: number } & Range);

/** A report's rows, ready to be encoded in either format. */
interface ReportFile {
  name: string;
  rows: number;
  encode(options: { format: ExportFormat; bom: boolean }): AsyncIterable<string>;
}

function fileOf<Row>(name: string, table: ExportTable<Row>, rows: Row[]): ReportFile {
  return { name, rows: rows.length, encode: (options) => encodeExport(table, listed(rows), options) };
}

/** Runs the same query as the report's procedure (one implementation), and names the rows it exports. */
async function reportFile(call: TenantCall, query: ReportQuery): Promise<ReportFile> {
  const scope = call.scope;
  switch (query.report) {
    case "overview":
      // The overview's file is its daily series; the breakdowns export one by one as "breakdown".
      return fileOf("overview", overviewDaysTable, (await overviewReport(scope, query)).days);
    case "pages":
      return fileOf("pages", pagesTable, await sitePages(scope, query));
    case "breakdown":
      return fileOf(`breakdown-${query.dimension}`, breakdownTable, await siteBreakdown(scope, query));
    case "heatmap":
      return fileOf(`heatmap-${query.kind}-${query.breakpoint}`, heatmapCellsTable, (await heatmapReport(scope, query)).cells);
    case "scrollMap":
      return fileOf(`scroll-map-${query.breakpoint}`, scrollDepthsTable, (await scrollMap(scope, query)).depths);
    case "clickProblems":
      return fileOf("click-problems", clickProblemsTable, await clickProblems(scope, query));
  }
}

async function* listed<Row>(rows: Row[]): AsyncGenerator<Row> {
  yield* rows;
}

/**
 * One report as a CSV or JSON file. Reports read the daily rollups, so their rows are few
 * (at most a year of days, or the limit's values) and known before the first byte: the file
 * says how many. Audited (MS-3.3) with the site, the report and the range.
 */
export async function exportReport(call: TenantCall, query: ReportQuery, options: { format: ExportFormat; bom: boolean }): Promise<Download> {
  const file = await reportFile(call, query);
  await recordAudit(call, "export.report", { type: "site", id: query.siteId }, { report: query.report, format: options.format, fromDay: query.fromDay, toDay: query.toDay });
  return {
    filename: `${file.name}-${query.fromDay}_${query.toDay}.${options.format}`,
    contentType: contentTypeOf(options.format),
    rows: file.rows,
    body: file.encode(options),
  };
}
