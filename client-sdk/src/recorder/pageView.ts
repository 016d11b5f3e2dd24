import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";

// The collect endpoint's bound (server/src/ingest/collectPayload.schema.ts).
const maxUrlLength = 2048;

/**
 * MS-1.3: a page or referrer URL as the recorder sends it: without user name and password, and
 * without the query string when the policy drops query parameters (sites put e-mail addresses,
 * tokens and search terms there). The server scrubs it again. A fragment stays only when it is a
 * client-side route (`#/cart`, `#!/cart`), the only fragments that name a page (the server's
 * urlKeyOf): an in-page anchor (`#reviews`) is a place on the same page, so following it opens
 * no new page view, and `#access_token=...` never leaves the browser. Longer than the collect
 * endpoint accepts, the fragment goes first, then the tail. Undefined for anything that is not http(s).
 */
export function recordableUrl(href: string, dropQueryParameters: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(url.protocol)) return undefined;
  url.username = url.password = "";
  if (dropQueryParameters) url.search = "";
  if (!/^#!?\//.test(url.hash) || url.href.length > maxUrlLength) url.hash = "";
  return url.href.slice(0, maxUrlLength);
}

/**
 * Navigation Timing: the load event's end, relative to the navigation's start (the navigation
 * entry's `startTime`, always 0); undefined until the page has loaded.
 */
export function loadTimeMs(
  navigation: Pick<PerformanceNavigationTiming, "loadEventEnd"> | undefined = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined,
): number | undefined {
  const duration = Math.round(navigation?.loadEventEnd ?? 0);
  return duration > 0 && duration <= 600_000 ? duration : undefined;
}

type TechnicalInfo = NonNullable<CollectPayload["technical"]>;

/** What `technicalInfo` reads; tests pass a plain stand-in for `window`. */
export interface TechnicalSource {
  readonly navigator: { readonly language: string };
  readonly screen: { readonly width: number; readonly height: number };
  readonly devicePixelRatio: number;
}

/**
 * MS-1.1: of what the browser knows, exactly the fields the policy lists. Browser and OS are left
 * to the server, which reads them off the User-Agent header; the User-Agent string itself is never
 * put in the payload (it is a fingerprinting vector, MS-2.3). So is the viewport's size: every
 * batch's `view` carries it already. Screen sizes are whole pixels (CSSOM View: `long`); the
 * device pixel ratio is rounded to hundredths, all a report needs.
 */
export function technicalInfo(fields: readonly string[], source: TechnicalSource, timeZone: string | undefined): TechnicalInfo {
  // No prototype: a listed `constructor` or `__proto__` names nothing.
  const known: Record<string, string | number | null | undefined> = {
    __proto__: null,
    language: source.navigator.language,
    timeZone,
    screenWidth: source.screen.width,
    screenHeight: source.screen.height,
    devicePixelRatio: Math.round(source.devicePixelRatio * 100) / 100,
  };
  const info: TechnicalInfo = {};
  for (const field of fields) {
    // Unknown (an empty language, a zero-sized screen, no time zone, NaN): left out.
    const value = known[field];
    if (value) info[field] = value;
  }
  return info;
}

/**
 * The viewport and scroll position, for placing a batch on the heatmap and scroll map on its own
 * (MS-1.4): the server reads positions relative to it, and scroll depth from `documentHeight`.
 */
export function currentView(window: Window): CollectPayload["view"] {
  const pixels = (value: number, max: number) => Math.min(max, Math.max(0, Math.round(value)));
  const width = pixels(window.innerWidth, 1e5);
  const height = pixels(window.innerHeight, 1e5);
  const documentHeight = pixels(window.document.documentElement.scrollHeight, 1e7);
  return width && height
    ? { width, height, scrollX: pixels(window.scrollX, 1e7), scrollY: pixels(window.scrollY, 1e7), ...(documentHeight && { documentHeight }) }
    : undefined;
}
