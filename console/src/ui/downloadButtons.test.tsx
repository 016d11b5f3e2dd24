import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DownloadButtons } from "./downloadButtons.js";

/** A response whose body gives one piece, then waits until the request is cancelled. */
function slowFetch(requests: string[]): typeof fetch {
  return async (url, init) => {
    requests.push(String(url));
    const signal = init?.signal ?? undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("day,sessions\r\n2026-03-01,2\r\n"));
        signal?.addEventListener("abort", () => controller.error(new DOMException("cancelled", "AbortError")));
      },
    });
    return new Response(body, { headers: { "x-mousetrail-rows": "3" } });
  };
}

describe("DownloadButtons", () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const props = { what: "the overview", path: "/exports/report", input: () => ({ tenantId: "tnt_1", report: "overview" }), fileName: (format: string) => `shop-overview.${format}` };

  it("asks for the chosen format with a byte order mark for CSV, shows the rows so far, and can be cancelled", async () => {
    const requests: string[] = [];
    vi.stubGlobal("fetch", slowFetch(requests));
    render(() => <DownloadButtons {...props} />);
    fireEvent.click(screen.getByRole("button", { name: "Download the overview as CSV" }));
    await waitFor(() => expect(screen.getByText("28 B, 1 of 3 rows")).toBeTruthy());
    expect(JSON.parse(decodeURIComponent(requests[0]!.split("?input=")[1]!))).toEqual({ tenantId: "tnt_1", report: "overview", format: "csv", bom: true });
    expect((screen.getByRole("button", { name: "Download the overview as JSON" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.getByText("Download cancelled.")).toBeTruthy());
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
    expect((screen.getByRole("button", { name: "Download the overview as JSON" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("shows the server's refusal in its own words", async () => {
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: { message: "fromDay: must be a calendar day as YYYY-MM-DD" } }), { status: 400 }));
    render(() => <DownloadButtons {...props} />);
    fireEvent.click(screen.getByRole("button", { name: "Download the overview as JSON" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("fromDay: must be a calendar day as YYYY-MM-DD"));
  });

  it("sends no format to a route that makes one kind of file", async () => {
    const requests: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      requests.push(url);
      return new Response("{}", { status: 404 });
    });
    render(() => <DownloadButtons {...props} formats={["json"]} fileOptions={false} />);
    expect(screen.queryByRole("button", { name: "Download the overview as CSV" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Download the overview as JSON" }));
    await waitFor(() => expect(requests).toHaveLength(1));
    expect(JSON.parse(decodeURIComponent(requests[0]!.split("?input=")[1]!))).toEqual({ tenantId: "tnt_1", report: "overview" });
  });
});
