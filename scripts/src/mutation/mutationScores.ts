/**
 * Per-folder and overall mutation scores from Stryker's JSON reports (issue 13). The score is
 * Stryker's: detected (killed or timed out) over detected plus undetected (survived or not
 * covered); ignored mutants and those that do not compile count for neither.
 */

/** The parts of Stryker's JSON report (mutation-testing-report-schema) the scores need. */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: string }[] }>>;
}

export interface FolderScore {
  readonly folder: string;
  readonly total: number;
  readonly detected: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly ignored: number;
  /** Percent detected, or null when no mutant counts. */
  readonly score: number | null;
}

export interface MutationScores {
  readonly folders: readonly FolderScore[];
  readonly overall: FolderScore;
}

/** The targets of issue 13, in percent detected. */
export const mutationTargets: Readonly<Record<string, number>> = { overall: 90, enforce: 95, masking: 95, pii: 95 };

/** The folder a source file counts under: policies/src/<folder>/, "top-level", "recorder" or "other". */
export function folderOf(path: string): string {
  const normalised = path.replaceAll("\\", "/");
  const inPolicies = /(?:^|\/)policies\/src\/(.+)$/u.exec(normalised);
  if (inPolicies) {
    const parts = inPolicies[1]!.split("/");
    return parts.length > 1 ? parts[0]! : "top-level";
  }
  if (/(?:^|\/)client-sdk\/src\/recorder\//u.test(normalised)) return "recorder";
  return "other";
}

interface Counts {
  total: number;
  detected: number;
  survived: number;
  noCoverage: number;
  ignored: number;
}

function scoreOf(folder: string, counts: Counts): FolderScore {
  const counted = counts.detected + counts.survived + counts.noCoverage;
  return { folder, ...counts, score: counted === 0 ? null : (100 * counts.detected) / counted };
}

/** Merges reports given oldest first (a newer report of the same source file replaces an older one) and scores each folder. */
export function scoresByFolder(reports: readonly MutationReport[]): MutationScores {
  const files = new Map<string, MutationReport["files"][string]>();
  for (const report of reports) for (const [path, file] of Object.entries(report.files)) files.set(path, file);
  const counts = new Map<string, Counts>();
  const countIn = (name: string, status: string) => {
    const row = counts.get(name) ?? { total: 0, detected: 0, survived: 0, noCoverage: 0, ignored: 0 };
    row.total += 1;
    if (status === "Killed" || status === "Timeout") row.detected += 1;
    else if (status === "Survived") row.survived += 1;
    else if (status === "NoCoverage") row.noCoverage += 1;
    else if (status === "Ignored") row.ignored += 1;
    counts.set(name, row);
  };
  const overall: Counts = { total: 0, detected: 0, survived: 0, noCoverage: 0, ignored: 0 };
  counts.set("\0overall", overall);
  for (const [path, file] of files) {
    for (const mutant of file.mutants) {
      countIn(folderOf(path), mutant.status);
      countIn("\0overall", mutant.status);
    }
  }
  counts.delete("\0overall");
  return {
    folders: [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([folder, row]) => scoreOf(folder, row)),
    overall: scoreOf("overall", overall),
  };
}

const percent = (score: number | null) => (score === null ? "n/a" : `${score.toFixed(1)}%`);

/** The targets the scores miss, one readable line each; empty when all are met. */
export function missedTargets({ folders, overall }: MutationScores): string[] {
  return [overall, ...folders].flatMap((row) => {
    const target = mutationTargets[row.folder];
    if (target === undefined) return [];
    return row.score === null || row.score < target ? [`${row.folder} ${percent(row.score)} < ${target}%`] : [];
  });
}

/** The scores as a text table (aligned columns) or a Markdown table; `seconds` adds each folder's run time. */
export function scoreTable(
  { folders, overall }: MutationScores,
  { markdown = false, seconds = {} }: { markdown?: boolean; seconds?: Readonly<Record<string, number>> } = {},
): string {
  const header = ["folder", "mutants", "detected", "survived", "no coverage", "ignored", "score", "run time"];
  const cells = (row: FolderScore) => {
    const time = seconds[row.folder];
    return [row.folder, row.total, row.detected, row.survived, row.noCoverage, row.ignored, percent(row.score), time === undefined ? "" : `${Math.round(time / 60)} min`].map(String);
  };
  const rows = [header, ...folders.map(cells), cells(overall)];
  if (markdown) {
    const rule = header.map((_, index) => (index === 0 ? "---" : "---:"));
    return [rows[0]!, rule, ...rows.slice(1)].map((row) => `| ${row.join(" | ")} |`).join("\n");
  }
  const widths = header.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows.map((row) => row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join("  ")).join("\n");
}
