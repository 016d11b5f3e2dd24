import { EventType, IncrementalSource } from "@rrweb/types";

/**
 * Names the element a click landed on, for the rage and dead click report: a short CSS path
 * (`main > div.cart > button#buy`) built from the tag names, ids and classes of a recording's
 * (masked) snapshot and added nodes. Never text or other attribute values. Bounded: at most
 * `maxNodes` nodes are kept per recording read, and a selector is cut at `maxSelectorLength`.
 */

interface ElementNode {
  tag: string;
  id: string | null;
  classes: string[];
  parent: number | null;
}

export type ElementIndex = Map<number, ElementNode>;

export const maxNodes = 50_000;
export const maxSelectorLength = 200;
/** Levels named above the element itself, stopping early at an ancestor with an id. */
const ancestorLevels = 2;
/** Shown when the clicked element is not in the snapshot and additions read. */
export const unknownElement = "(unknown element)";

const namePattern = /^[A-Za-z_][A-Za-z0-9_-]{0,40}$/;

type SerializedNode = { type?: unknown; id?: unknown; tagName?: unknown; attributes?: unknown; childNodes?: unknown };

/** Adds the elements of a batch's full snapshots and mutation additions to `index`. */
export function indexElements(events: readonly unknown[], index: ElementIndex = new Map()): ElementIndex {
  for (const raw of events) {
    if (typeof raw !== "object" || raw === null) continue;
    const event = raw as { type?: unknown; data?: unknown };
    const data = (typeof event.data === "object" && event.data !== null ? event.data : {}) as Record<string, unknown>;
    if (event.type === EventType.FullSnapshot) walk(data.node, null, index);
    if (event.type === EventType.IncrementalSnapshot && data.source === IncrementalSource.Mutation && Array.isArray(data.adds)) {
      for (const add of data.adds as { parentId?: unknown; node?: unknown }[]) {
        walk(add?.node, typeof add?.parentId === "number" ? add.parentId : null, index);
      }
    }
  }
  return index;
}

function walk(root: unknown, rootParent: number | null, index: ElementIndex): void {
  const stack: [unknown, number | null][] = [[root, rootParent]];
  while (stack.length > 0 && index.size < maxNodes) {
    const [value, parent] = stack.pop() as [unknown, number | null];
    if (typeof value !== "object" || value === null) continue;
    const node = value as SerializedNode;
    if (typeof node.id !== "number") continue;
    // rrweb node type 2 is an element; documents (0) pass their children on.
    if (node.type === 2 && typeof node.tagName === "string") {
      const attributes = (typeof node.attributes === "object" && node.attributes !== null ? node.attributes : {}) as Record<string, unknown>;
      const id = typeof attributes.id === "string" && namePattern.test(attributes.id) ? attributes.id : null;
      const classes = typeof attributes.class === "string" ? attributes.class.split(/\s+/).filter((name) => namePattern.test(name)).slice(0, 2) : [];
      index.set(node.id, { tag: node.tagName.toLowerCase().slice(0, 20), id, classes, parent });
    }
    if (Array.isArray(node.childNodes)) for (const child of node.childNodes) stack.push([child, node.id]);
  }
}

/** The selector of a node, or `unknownElement` when the index does not hold it. */
export function selectorOf(nodeId: number, index: ElementIndex): string {
  let node = index.get(nodeId);
  if (!node) return unknownElement;
  const parts: string[] = [];
  for (let level = 0; node && level <= ancestorLevels; level++) {
    const part = node.tag + (node.id ? `#${node.id}` : node.classes.map((name) => `.${name}`).join(""));
    parts.unshift(part);
    if (node.id || node.tag === "body") break;
    node = node.parent === null ? undefined : index.get(node.parent);
  }
  return parts.join(" > ").slice(0, maxSelectorLength);
}
