import { createSignal, For, onCleanup, Show } from "solid-js";
import { downloadUrl, fetchDownload, formatBytes, saveFile, type DownloadFormat, type DownloadProgress } from "./downloadFile.js";
import { ProgressBar } from "./progressBar.js";
import "./downloadButtons.css";

export interface DownloadButtonsProps {
  /** What is downloaded, for the buttons' names: "the overview" reads "Download the overview as CSV". */
  what: string;
  /** The download route, e.g. `/exports/report`. */
  path: string;
  /** The route's input without `format`; read when a button is pressed. */
  input: () => Record<string, unknown>;
  /** The saved file's name in a format. */
  fileName: (format: DownloadFormat) => string;
  formats?: readonly DownloadFormat[];
  /** False for a route that makes one kind of file and takes no `format` or `bom` (the visitor's data). */
  fileOptions?: boolean;
  /** Smaller buttons, for one table among many. */
  small?: boolean;
  disabled?: boolean;
}

/**
 * CSV and JSON buttons for one export: fetched with the session's cookie, streamed with its
 * progress shown (bytes, and rows where the server says how many), cancellable, then saved under
 * a readable name; a refusal is shown in the server's words.
 */
export function DownloadButtons(props: DownloadButtonsProps) {
  const [progress, setProgress] = createSignal<(DownloadProgress & { format: DownloadFormat }) | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  let controller: AbortController | null = null;
  onCleanup(() => controller?.abort());

  async function download(format: DownloadFormat) {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    setError(null);
    setSaved(null);
    setProgress({ format, bytes: 0, rows: 0, totalRows: null });
    const fileName = props.fileName(format);
    try {
      // A CSV starts with a byte order mark so that spreadsheets read it as UTF-8.
      const options = props.fileOptions === false ? {} : { format, ...(format === "csv" ? { bom: true } : {}) };
      const file = await fetchDownload(downloadUrl(props.path, { ...props.input(), ...options }), {
        signal: current.signal,
        onProgress: (next) => setProgress({ ...next, format }),
      });
      saveFile(file, fileName);
      setSaved(`Saved ${fileName} (${formatBytes(file.size)}).`);
    } catch (caught) {
      if (current.signal.aborted) setSaved("Download cancelled.");
      else setError(caught instanceof Error && caught.message ? caught.message : "The download failed. Try again.");
    } finally {
      if (controller === current) {
        controller = null;
        setProgress(null);
      }
    }
  }

  const formats = () => props.formats ?? (["csv", "json"] as const);
  return (
    <div class="downloads" role="group" aria-label={`Download ${props.what}`}>
      <For each={formats()}>
        {(format) => (
          <button type="button" class={props.small ? "small" : undefined} disabled={props.disabled || progress() !== null} aria-label={`Download ${props.what} as ${format.toUpperCase()}`} onClick={() => void download(format)}>
            {format.toUpperCase()}
          </button>
        )}
      </For>
      <Show when={progress()}>
        {(shown) => (
          <div class="downloads-status">
            <ProgressBar label={`Downloading ${props.what} as ${shown().format.toUpperCase()}`} done={shown().rows} total={shown().totalRows} />
            <span role="status">
              {formatBytes(shown().bytes)}
              {shown().totalRows !== null ? `, ${shown().rows} of ${shown().totalRows} rows` : shown().rows ? `, ${shown().rows} rows` : ""}
            </span>
            <button type="button" class={props.small ? "small" : undefined} onClick={() => controller?.abort()}>
              Cancel
            </button>
          </div>
        )}
      </Show>
      <Show when={error()}>
        {(message) => (
          <p class="notice error downloads-status" role="alert">
            {message()}
          </p>
        )}
      </Show>
      <Show when={saved()}>
        {(message) => (
          <p class="muted downloads-status" role="status">
            {message()}
          </p>
        )}
      </Show>
    </div>
  );
}
