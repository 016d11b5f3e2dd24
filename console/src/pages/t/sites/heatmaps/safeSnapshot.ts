/**
 * A stored rrweb full snapshot made safe to draw inside the console: nothing in it may run or
 * fetch. Scripts, frames, plug-ins and `<base>`/refresh are dropped; every URL that is not a
 * `data:` URL or a fragment is removed (`src`, `srcset`, `href`, `poster`, `url()`, `@import`,
 * `image-set()`), so the drawn page makes no request at all, to its own site or any other.
 *
 * Style sheets and `style` attributes are taken out of the tree and handed back apart: the
 * console's Content-Security-Policy (`style-src 'self'`) governs the iframe it draws into and
 * refuses inline `<style>` and `style="..."`, so the caller applies them through the CSSOM
 * (constructed sheets, `element.style`), which the policy does not block. The policy stays as
 * it is.
 */

/** The parts of rrweb's serialized node this reads (rrweb-snapshot's `serializedNodeWithId`). */
export interface SnapshotNode {
  type: number;
  id: number;
  tagName?: string;
  attributes?: Record<string, string | number | boolean | null>;
  childNodes?: SnapshotNode[];
  textContent?: string;
  isStyle?: boolean;
  [other: string]: unknown;
}

export interface SafeSnapshot {
  node: SnapshotNode;
  /** The page's style sheets in document order, each wrapped in its `media` when it had one. */
  styleSheets: string[];
  /** `style` attributes by node id. */
  inlineStyles: Map<number, string>;
}

const elementType = 2;
const textType = 3;

/** Elements that run, embed or navigate; none is needed to draw the page. */
const droppedElements = new Set(["script", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "base", "fencedframe"]);

/** Attributes that make the browser fetch or navigate. */
const urlAttributes = new Set(["src", "srcset", "href", "xlink:href", "poster", "action", "formaction", "background", "data", "ping", "lowsrc", "dynsrc", "manifest", "imagesrcset", "codebase", "cite", "longdesc", "archive", "itemtype"]);

const isLocal = (url: string) => /^\s*(data:|#)/i.test(url);

/** CSS with every off-page reference neutralised: `@import` rules removed, `url()` and `image-set()` to `none`. */
export function neutraliseCss(css: string): string {
  return css
    .replace(/@import\s+(?:url\([^)]*\)|"[^"]*"|'[^']*'|[^;]*)[^;]*;?/gi, "")
    .replace(/(?:-webkit-)?image-set\((?:[^()]|\([^()]*\))*\)/gi, "none")
    .replace(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi, (whole, double?: string, single?: string, bare?: string) => (isLocal(double ?? single ?? bare ?? "") ? whole : "none"));
}

function safeAttributes(tag: string, attributes: SnapshotNode["attributes"]): Record<string, string | number | boolean | null> {
  const safe: Record<string, string | number | boolean | null> = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    const lower = name.toLowerCase();
    if (lower.startsWith("on") || lower === "style" || lower === "_csstext") continue;
    if (typeof value === "string" && lower === "rr_dataurl" && !isLocal(value)) continue;
    if (urlAttributes.has(lower)) {
      // A link keeps looking like one; it leads nowhere.
      if ((tag === "a" || tag === "area") && lower === "href") safe[name] = "#";
      else if (typeof value === "string" && isLocal(value) && lower !== "srcset" && lower !== "imagesrcset") safe[name] = value;
      continue;
    }
    safe[name] = typeof value === "string" && /url\(|image-set\(/i.test(value) ? neutraliseCss(value) : value;
  }
  return safe;
}

const textOf = (node: SnapshotNode): string => (node.childNodes ?? []).filter((child) => child.type === textType).map((child) => child.textContent ?? "").join("");

function styleSheetOf(node: SnapshotNode): string {
  const attributes = node.attributes ?? {};
  const css = neutraliseCss(typeof attributes._cssText === "string" ? attributes._cssText : textOf(node));
  const media = typeof attributes.media === "string" ? attributes.media.trim() : "";
  return media && media.toLowerCase() !== "all" && !/[{}]/.test(media) ? `@media ${media} {\n${css}\n}` : css;
}

/** Bounds a hostile snapshot: a page deeper than this draws without the rest. */
const maxDepth = 500;

export function safeSnapshot(root: SnapshotNode): SafeSnapshot {
  const styleSheets: string[] = [];
  const inlineStyles = new Map<number, string>();
  const visit = (node: SnapshotNode, depth: number): SnapshotNode | null => {
    if (node.type === elementType) {
      const tag = (node.tagName ?? "").toLowerCase();
      if (droppedElements.has(tag)) return null;
      const attributes = node.attributes ?? {};
      if (tag === "style" || tag === "link") {
        // A link's sheet the recorder could read comes as `_cssText`; any other link would fetch.
        if (tag === "style" || typeof attributes._cssText === "string") styleSheets.push(styleSheetOf(node));
        return null;
      }
      if (tag === "meta" && attributes["http-equiv"] !== undefined) return null;
      if (typeof attributes.style === "string" && attributes.style.trim()) inlineStyles.set(node.id, neutraliseCss(attributes.style));
      const childNodes = depth >= maxDepth ? [] : (node.childNodes ?? []).flatMap((child) => visit(child, depth + 1) ?? []);
      return { ...node, attributes: safeAttributes(tag, attributes), childNodes };
    }
    if (node.type === textType) return node.isStyle ? { ...node, isStyle: false, textContent: neutraliseCss(node.textContent ?? "") } : node;
    return node.childNodes ? { ...node, childNodes: depth >= maxDepth ? [] : node.childNodes.flatMap((child) => visit(child, depth + 1) ?? []) } : node;
  };
  const node = visit(root, 0);
  if (!node) throw new Error("safeSnapshot: the snapshot's root is not a page");
  return { node, styleSheets, inlineStyles };
}
