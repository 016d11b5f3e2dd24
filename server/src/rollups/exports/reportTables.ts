import type { ExportTable } from "../../domain/exports/exportTable.js";
import type { ClickProblem } from "../../repositories/reportQueryRepository.js";
import type { ValueCount } from "../../repositories/reportQueryRepository.js";
import type { HeatmapCells } from "../queries/heatmapCells.js";
import type { ScrollDepths } from "../queries/scrollDepths.js";
import type { SiteDay } from "../queries/siteDailySeries.js";
import type { SitePage } from "../queries/sitePages.js";

/** The columns of each report's file: the rows are the report's own, as the procedure returns them. */

export const overviewDaysTable: ExportTable<SiteDay> = {
  name: "overview",
  columns: [
    { header: "day", cell: (row) => row.day },
    { header: "sessions", cell: (row) => row.sessions },
    { header: "pageViews", cell: (row) => row.pageViews },
    { header: "events", cell: (row) => row.events },
    { header: "storedBytes", cell: (row) => row.storedBytes },
    { header: "rageClicks", cell: (row) => row.rageClicks },
    { header: "deadClicks", cell: (row) => row.deadClicks },
    { header: "violations", cell: (row) => row.violations },
    { header: "averageLoadTimeMs", cell: (row) => row.averageLoadTimeMs },
  ],
  json: (row) => row,
};

export const pagesTable: ExportTable<SitePage> = {
  name: "pages",
  columns: [
    { header: "urlKey", cell: (row) => row.urlKey },
    { header: "pageViews", cell: (row) => row.pageViews },
    { header: "clicks", cell: (row) => row.clicks },
    { header: "rageClicks", cell: (row) => row.rageClicks },
    { header: "deadClicks", cell: (row) => row.deadClicks },
  ],
  json: (row) => row,
};

export const breakdownTable: ExportTable<ValueCount> = {
  name: "breakdown",
  columns: [
    { header: "value", cell: (row) => row.value },
    { header: "sessions", cell: (row) => row.sessions },
    { header: "pageViews", cell: (row) => row.pageViews },
  ],
  json: (row) => row,
};

export const heatmapCellsTable: ExportTable<HeatmapCells["cells"][number]> = {
  name: "heatmap",
  columns: [
    { header: "column", cell: (row) => row.column },
    { header: "row", cell: (row) => row.row },
    { header: "count", cell: (row) => row.count },
  ],
  json: (row) => row,
};

export const scrollDepthsTable: ExportTable<ScrollDepths["depths"][number]> = {
  name: "scroll-map",
  columns: [
    { header: "depthPercent", cell: (row) => row.depth },
    { header: "reached", cell: (row) => row.reached },
    { header: "share", cell: (row) => row.share },
  ],
  json: (row) => row,
};

export const clickProblemsTable: ExportTable<ClickProblem> = {
  name: "click-problems",
  columns: [
    { header: "urlKey", cell: (row) => row.urlKey },
    { header: "selector", cell: (row) => row.selector },
    { header: "rageClicks", cell: (row) => row.rageClicks },
    { header: "deadClicks", cell: (row) => row.deadClicks },
  ],
  json: (row) => row,
};
