import { createCache, Mirror, rebuildIntoSandboxedIframe } from "rrweb-snapshot";
import { safeSnapshot, type SnapshotNode } from "./safeSnapshot.js";

/** rrweb's event types this reads: Meta (the viewport) and FullSnapshot (the page). */
const metaEvent = 4;
const fullSnapshotEvent = 2;

/** The page in `reports.pageSnapshot`'s events: its serialized DOM and the viewport width it was recorded at. */
export function snapshotOfEvents(events: readonly unknown[]): { node: SnapshotNode; width: number | null } | null {
  let width: number | null = null;
  for (const event of events) {
    if (typeof event !== "object" || event === null) continue;
    const { type, data } = event as { type?: unknown; data?: Record<string, unknown> };
    if (type === metaEvent && typeof data?.width === "number" && data.width > 0) width = data.width;
    if (type === fullSnapshotEvent && typeof data?.node === "object" && data.node !== null) return { node: data.node as SnapshotNode, width };
  }
  return null;
}

/** The longest page drawn: the heatmap's 5 000 rows of 10 px. */
const maxPageHeight = 50_000;

export interface RecordedPage {
  iframe: HTMLIFrameElement;
  document: Document;
  pageWidth: number;
  pageHeight: number;
}

/**
 * Draws a stored page into a new iframe under `root`: sandboxed without scripts (rrweb's
 * sandboxed rebuild, `sandbox="allow-same-origin"` only, so the console can measure it), from
 * the safe snapshot (no request leaves it), with its style sheets constructed and its `style`
 * attributes set through the CSSOM.
 */
export function drawRecordedPage(root: HTMLElement, page: { node: SnapshotNode; width: number }, title: string): RecordedPage {
  const safe = safeSnapshot(page.node);
  const mirror = new Mirror();
  const { iframe } = rebuildIntoSandboxedIframe(safe.node as unknown as Parameters<typeof rebuildIntoSandboxedIframe>[0], {
    root,
    iframeAttributes: { title, tabindex: "-1", width: String(page.width), height: "1", scrolling: "no" },
    cache: createCache(),
    mirror,
    hackCss: false,
  });
  const document = iframe.contentDocument;
  const view = iframe.contentWindow as (Window & typeof globalThis) | null;
  if (!document || !view) throw new Error("drawRecordedPage: the iframe has no document");
  document.adoptedStyleSheets = safe.styleSheets.map((css) => {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  });
  for (const [id, css] of safe.inlineStyles) {
    const element = mirror.getNode(id) as (Element & ElementCSSInlineStyle) | null;
    if (element?.style) element.style.cssText = css;
  }
  const pageHeight = Math.min(maxPageHeight, Math.max(1, document.documentElement?.scrollHeight ?? 1, document.body?.scrollHeight ?? 1));
  iframe.height = String(pageHeight);
  return { iframe, document, pageWidth: page.width, pageHeight };
}

/** Where an element of the page is, in page CSS px; null when the selector finds nothing (or is not one). */
export function elementBox(document: Document, selector: string): { x: number; y: number; width: number; height: number } | null {
  let element: Element | null;
  try {
    element = document.querySelector(selector);
  } catch (error) {
    // A stored selector the browser cannot parse marks nothing; anything else is a real failure.
    if (error instanceof DOMException && error.name === "SyntaxError") return null;
    throw error;
  }
  if (!element) return null;
  const rect = element.getBoundingClientRect();
  const scroll = document.defaultView;
  return { x: rect.left + (scroll?.scrollX ?? 0), y: rect.top + (scroll?.scrollY ?? 0), width: rect.width, height: rect.height };
}
