import { describe, expect, it } from "vitest";
import { downloadUrl, fetchDownload, fileNamePart, formatBytes, reportFileName, type DownloadProgress } from "./downloadFile.js";

describe("file names of downloads", () => {
  it.each([
    ["Demo shop website", "demo-shop-website"],
    ["Café Ünïcode / Shop", "cafe-unicode-shop"],
    ["../../etc/passwd", "etc-passwd"],
    ["***", "site"],
    ["a".repeat(80), "a".repeat(60)],
  ])("%j → %s", (text, part) => {
    expect(fileNamePart(text)).toBe(part);
  });

  it("names a report's file by site, report and range", () => {
    expect(reportFileName({ site: "Demo shop website", report: "breakdown-entryPage", fromDay: "2026-03-01", toDay: "2026-03-31", format: "csv" })).toBe(
      "demo-shop-website-breakdown-entrypage-2026-03-01_2026-03-31.csv",
    );
  });

  it("puts the input in the query string as the server reads it", () => {
    expect(downloadUrl("/exports/report", { report: "overview", bom: true })).toBe("/exports/report?input=%7B%22report%22%3A%22overview%22%2C%22bom%22%3Atrue%7D");
  });

  it.each([
    [999, "999 B"],
    [1000, "1.0 kB"],
    [2_345_678, "2.3 MB"],
  ])("%d bytes read as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

function streamed(pieces: string[], init: ResponseInit): typeof fetch {
  const encoder = new TextEncoder();
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const piece of pieces) controller.enqueue(encoder.encode(piece));
          controller.close();
        },
      }),
      init,
    );
}

describe("fetchDownload: progress while the file streams", () => {
  it("counts bytes and rows against the server's row count, and returns the whole file", async () => {
    const seen: DownloadProgress[] = [];
    const file = await fetchDownload("/x", {
      signal: new AbortController().signal,
      onProgress: (progress) => seen.push(progress),
      fetch: streamed(["day,sessions\r\n2026-03-01,2\r\n", "2026-03-02,1\r\n2026-03-03,0\r\n"], { headers: { "x-mousetrail-rows": "3", "content-type": "text/csv" } }),
    });
    expect(seen[0]).toEqual({ bytes: 0, rows: 0, totalRows: 3 });
    expect(seen.at(-1)).toEqual({ bytes: 56, rows: 3, totalRows: 3 });
    // However the pieces arrive, progress only grows and never passes the total.
    for (const [index, progress] of seen.entries()) {
      expect(progress.rows).toBeLessThanOrEqual(3);
      if (index > 0) expect(progress.bytes).toBeGreaterThanOrEqual(seen[index - 1]!.bytes);
    }
    expect(await file.text()).toBe("day,sessions\r\n2026-03-01,2\r\n2026-03-02,1\r\n2026-03-03,0\r\n");
  });

  it("without a row count, counts rows as they arrive", async () => {
    const seen: DownloadProgress[] = [];
    await fetchDownload("/x", { signal: new AbortController().signal, onProgress: (progress) => seen.push(progress), fetch: streamed(["a\r\n1\r\n2\r\n"], {}) });
    expect(seen.at(-1)).toEqual({ bytes: 9, rows: 2, totalRows: null });
  });

  it("turns a refusal into the server's own message, and an ended session into sign-in advice", async () => {
    const refused = streamed([JSON.stringify({ error: { message: "toDay: a report covers at most 366 days, this range has 400", appCode: "BAD_INPUT" } })], { status: 400 });
    await expect(fetchDownload("/x", { signal: new AbortController().signal, onProgress: () => {}, fetch: refused })).rejects.toThrow("toDay: a report covers at most 366 days, this range has 400");
    const proxyPage = streamed(["<html>Bad gateway</html>"], { status: 502 });
    await expect(fetchDownload("/x", { signal: new AbortController().signal, onProgress: () => {}, fetch: proxyPage })).rejects.toThrow("The download failed (HTTP 502).");
    const ended = streamed(["{}"], { status: 401 });
    await expect(fetchDownload("/x", { signal: new AbortController().signal, onProgress: () => {}, fetch: ended })).rejects.toThrow("Your session has ended");
  });
});
