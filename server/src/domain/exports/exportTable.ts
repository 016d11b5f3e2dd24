export type ExportFormat = "csv" | "json";
export type CellValue = string | number | boolean | null | undefined;

/**
 * How one kind of row is exported: its CSV columns, and its JSON form. A new export (overview,
 * heatmap cells, scroll map) is one of these plus a cursor of rows.
 */
export interface ExportTable<Row> {
  /** The file name, without extension, the download is offered under. */
  name: string;
  columns: readonly { header: string; cell(row: Row): CellValue }[];
  json(row: Row): unknown;
}

/** Characters a spreadsheet reads as the start of a formula, or strips before reading one. */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One CSV field: RFC 4180 quoting (a field holding a quote, comma, CR or LF is quoted, quotes
 * doubled), and a text cell a spreadsheet would run as a formula made inert by a leading `'`
 * (OWASP's CSV-injection advice). Numbers stay numbers: `-3` is a value, not a formula.
 */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const inert = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

export function csvRecord(values: readonly CellValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** Rows gathered into pieces of about this many characters before they are written. */
const pieceSize = 64 * 1024;

/**
 * The export as text pieces, read row by row from `rows` (a database cursor): one piece holds at
 * most about 64 KiB of rows, so memory stays flat whatever the number of rows. CSV optionally
 * starts with a UTF-8 byte order mark, which spreadsheets need to read UTF-8; JSON never does
 * (RFC 8259 forbids it) and is one array.
 */
export async function* encodeExport<Row>(table: ExportTable<Row>, rows: AsyncIterable<Row>, options: { format: ExportFormat; bom: boolean }): AsyncGenerator<string> {
  let piece = "";
  let first = true;
  if (options.format === "csv") piece = (options.bom ? "\uFEFF" : "") + csvRecord(table.columns.map((column) => column.header));
  else piece = "[";
  for await (const row of rows) {
    if (options.format === "csv") piece += csvRecord(table.columns.map((column) => column.cell(row)));
    else piece += `${first ? "\n" : ",\n"}${JSON.stringify(table.json(row))}`;
    first = false;
    if (piece.length >= pieceSize) {
      yield piece;
      piece = "";
    }
  }
  if (options.format === "json") piece += first ? "]\n" : "\n]\n";
  if (piece) yield piece;
}
