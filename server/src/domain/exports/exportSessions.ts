import { streamSessions } from "../../repositories/sessionRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { resolveSessionFilter, type SessionListFilter } from "../sessions/resolveSessionFilter.js";
import { sessionSummaryOf, type SessionSummary } from "../sessions/sessionSummary.js";
import type { TenantCall } from "../tenantCall.js";
import { contentTypeOf, exportBatchSize, type Download } from "./download.js";
import { encodeExport, type ExportFormat, type ExportTable } from "./exportTable.js";

export const sessionsTable: ExportTable<SessionSummary> = {
  name: "sessions",
  columns: [
    { header: "sessionId", cell: (row) => row.sessionId },
    { header: "siteId", cell: (row) => row.siteId },
    { header: "firstSeenAt", cell: (row) => row.firstSeenAt },
    { header: "lastSeenAt", cell: (row) => row.lastSeenAt },
    { header: "durationMs", cell: (row) => row.durationMs },
    { header: "pageCount", cell: (row) => row.pageCount },
    { header: "eventCount", cell: (row) => row.eventCount },
    { header: "entryUrl", cell: (row) => row.entryUrl },
    { header: "browser", cell: (row) => row.technical.browser },
    { header: "os", cell: (row) => row.technical.os },
    { header: "deviceClass", cell: (row) => row.technical.deviceClass },
    { header: "language", cell: (row) => row.technical.language },
    { header: "timeZone", cell: (row) => row.technical.timeZone },
    { header: "screenWidth", cell: (row) => row.technical.screenWidth },
    { header: "screenHeight", cell: (row) => row.technical.screenHeight },
    { header: "rageClicks", cell: (row) => row.rageClicks },
    { header: "deadClicks", cell: (row) => row.deadClicks },
    { header: "violationCount", cell: (row) => row.violationCount },
    { header: "droppedEvents", cell: (row) => row.droppedEvents },
    { header: "policy", cell: (row) => `${row.policy.id}@${row.policy.version}` },
  ],
  json: (row) => row,
};

async function* summaries(sessions: AsyncIterable<Parameters<typeof sessionSummaryOf>[0]>): AsyncGenerator<SessionSummary> {
  for await (const session of sessions) yield sessionSummaryOf(session);
}

/** The sessions list under the same filters as sessions.list, every page, as one file. Audited (MS-3.3). */
export async function exportSessions(call: TenantCall, filter: SessionListFilter, options: { format: ExportFormat; bom: boolean }): Promise<Download> {
  const resolved = await resolveSessionFilter(call.scope, filter);
  const filtered = Object.keys(filter).filter((name) => filter[name as keyof SessionListFilter] !== undefined);
  await recordAudit(call, "export.sessions", { type: filter.siteId ? "site" : "tenant", id: filter.siteId ?? call.scope.tenantId }, { format: options.format, filters: filtered });
  return {
    filename: `sessions.${options.format}`,
    contentType: contentTypeOf(options.format),
    body: encodeExport(sessionsTable, summaries(streamSessions(call.scope, resolved, exportBatchSize)), options),
  };
}
