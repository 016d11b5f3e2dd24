export type DownloadFormat = "csv" | "json";

/** How far a download has come: bytes always, rows when the server said how many there are. */
export interface DownloadProgress {
  bytes: number;
  rows: number;
  totalRows: number | null;
}

/** Says how many rows an export holds when the server knows before the first byte (reports). */
const rowCountHeader = "x-mousetrail-rows";

/** A name safe in every file system: lower case letters, digits and dashes. */
export function fileNamePart(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "site";
}

/** `<site>-<report>-<from>_<to>.<format>`, e.g. `demo-shop-overview-2026-03-01_2026-03-31.csv`. */
export function reportFileName(parts: { site: string; report: string; fromDay: string; toDay: string; format: DownloadFormat }): string {
  return `${fileNamePart(parts.site)}-${fileNamePart(parts.report)}-${parts.fromDay}_${parts.toDay}.${parts.format}`;
}

/** The URL of a download route with its input as the server reads it (`?input=<JSON>`). */
export function downloadUrl(path: string, input: Record<string, unknown>): string {
  return `${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** A refused download in words: the server's own message when it gave one. */
export async function downloadErrorOf(response: Response): Promise<Error> {
  if (response.status === 401) return new Error("Your session has ended. Sign in again to download.");
  let message = `The download failed (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: { message?: unknown } };
    if (typeof body.error?.message === "string" && body.error.message) message = body.error.message;
  } catch {
    // Not the server's JSON error (a proxy's page): the status says enough.
  }
  return new Error(message);
}

/** Line ends in a piece of the file: one per row in both formats (a CSV record, a JSON array element). */
function lineEnds(bytes: Uint8Array): number {
  let count = 0;
  for (const byte of bytes) if (byte === 10) count += 1;
  return count;
}

/**
 * Fetches a download with the session's cookie and reads it piece by piece as it streams,
 * reporting bytes and rows (the file's first line is its header, or JSON's `[`), until it ends or
 * `signal` cancels it. Returns the pieces for saving.
 */
export async function fetchDownload(url: string, options: { signal: AbortSignal; onProgress(progress: DownloadProgress): void; fetch?: typeof fetch }): Promise<Blob> {
  const response = await (options.fetch ?? fetch)(url, { credentials: "same-origin", signal: options.signal });
  if (!response.ok) throw await downloadErrorOf(response);
  const header = response.headers.get(rowCountHeader);
  const totalRows = header !== null && /^\d+$/.test(header) ? Number(header) : null;
  const pieces: Uint8Array[] = [];
  const progress: DownloadProgress = { bytes: 0, rows: 0, totalRows };
  let lines = 0;
  options.onProgress({ ...progress });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      pieces.push(value);
      lines += lineEnds(value);
      progress.bytes += value.byteLength;
      progress.rows = Math.max(0, Math.min(lines - 1, totalRows ?? Number.POSITIVE_INFINITY));
      options.onProgress({ ...progress });
    }
  }
  if (totalRows !== null) options.onProgress({ ...progress, rows: totalRows });
  return new Blob(pieces as BlobPart[], { type: response.headers.get("content-type") ?? "application/octet-stream" });
}

/** Hands the file to the browser's downloads under `fileName`. */
export function saveFile(file: Blob, fileName: string): void {
  const href = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** "1.2 MB" for a byte count. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
