import type { Breakpoint, HeatmapKind } from "../../db/analyticsCollections.js";
import { findHeatmapRollups } from "../../repositories/rollupQueryRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { decodeCell, heatmapColumns, heatmapRowPx } from "../heatmapCell.js";
import { reportDays } from "./reportDays.js";

export interface HeatmapCells {
  kind: HeatmapKind;
  /** Clicks or pointer positions counted over the range. */
  total: number;
  columns: number;
  rowPx: number;
  /** Non-empty cells, top to bottom then left to right. */
  cells: { column: number; row: number; count: number }[];
}

/** MS-1.4, MS-3.1: one page's click or movement heatmap for a breakpoint over a range of days. */
export async function heatmapCells(
  scope: TenantScope,
  query: { siteId: string; urlKey: string; breakpoint: Breakpoint; kind: HeatmapKind; fromDay: string; toDay: string },
): Promise<HeatmapCells> {
  reportDays(query);
  const rollups = await findHeatmapRollups(scope, query);
  const counts = new Map<string, number>();
  let total = 0;
  for (const rollup of rollups) {
    total += rollup.total;
    for (const [key, count] of Object.entries(rollup.cells)) counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const cells = [...counts].flatMap(([key, count]) => {
    const cell = decodeCell(key);
    return cell ? [{ ...cell, count }] : [];
  });
  cells.sort((a, b) => a.row - b.row || a.column - b.column);
  return { kind: query.kind, total, columns: heatmapColumns, rowPx: heatmapRowPx, cells };
}
