import { EventType, IncrementalSource, NodeType } from "@rrweb/types";

/**
 * Small builders for hand-written rrweb events in tests, in the shapes rrweb 2.x emits (compare
 * src/fixtures/*.events.json, recorded from a real page).
 */
export type SerializedNode = Record<string, unknown> & { id: number };

export function element(
  id: number,
  tagName: string,
  attributes: Record<string, unknown> = {},
  childNodes: SerializedNode[] = [],
  extra: Record<string, unknown> = {},
): SerializedNode {
  return { type: NodeType.Element, tagName, attributes, childNodes, id, ...extra };
}

export function text(id: number, textContent: string, extra: Record<string, unknown> = {}): SerializedNode {
  return { type: NodeType.Text, textContent, id, ...extra };
}

export function documentNode(id: number, childNodes: SerializedNode[]): SerializedNode {
  return { type: NodeType.Document, childNodes, id };
}

/** A full snapshot of `<html><head/><body>{body}</body></html>` with ids 1-4 taken. */
export function fullSnapshot(body: SerializedNode[]): Record<string, unknown> {
  const node = documentNode(1, [element(2, "html", {}, [element(3, "head"), element(4, "body", {}, body)])]);
  return { type: EventType.FullSnapshot, data: { node, initialOffset: { top: 0, left: 0 } }, timestamp: 1 };
}

export function inputEvent(id: number, typed: string, isChecked = false): Record<string, unknown> {
  return { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.Input, text: typed, isChecked, id }, timestamp: 2 };
}

export function mutation(parts: {
  adds?: unknown[];
  removes?: unknown[];
  texts?: unknown[];
  attributes?: unknown[];
  isAttachIframe?: true;
}): Record<string, unknown> {
  return {
    type: EventType.IncrementalSnapshot,
    data: { source: IncrementalSource.Mutation, texts: [], attributes: [], removes: [], adds: [], ...parts },
    timestamp: 3,
  };
}

export function meta(href: string): Record<string, unknown> {
  return { type: EventType.Meta, data: { href, width: 1280, height: 720 }, timestamp: 0 };
}

/** Every string in a JSON value, keys included: what a reader of the stored events could see. */
export function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => [key, ...allStrings(child)]);
  }
  return [];
}

/** The serialized node with this id, wherever it is in a list of events (snapshots or adds). */
export function serializedNodeById(events: unknown, id: number): SerializedNode | undefined {
  const pending: unknown[] = [events];
  while (pending.length > 0) {
    const current = pending.pop();
    if (Array.isArray(current)) {
      pending.push(...current);
    } else if (typeof current === "object" && current !== null) {
      const record = current as Record<string, unknown>;
      if (record.id === id && ("tagName" in record || "textContent" in record)) return record as SerializedNode;
      pending.push(...Object.values(record));
    }
  }
  return undefined;
}

export function eventData(event: unknown): Record<string, unknown> {
  return (event as { data: Record<string, unknown> }).data;
}
