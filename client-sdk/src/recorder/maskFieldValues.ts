/**
 * The recorder's last check before an rrweb event is queued: every field value in it passes
 * `maskValue` again, looked up by node id on the live element (rrweb's mirror). rrweb's `maskInputFn` already ran
 * on most of them; this pass covers what it leaves out, found by reading rrweb's source:
 * - a snapshot copies an input's `value` attribute as is, and replaces it with the masked live
 *   value only when that value is not empty, so a field cleared by the visitor or a script keeps
 *   the markup's value (say, an address the server rendered back into a form);
 * - `maskAllInputs` covers a fixed list of input types: `file` (whose value holds the chosen file's
 *   name) and `hidden` (tokens) are left raw in snapshots and input events.
 * Values sit in two shapes: `{ id, attributes: { value } }`, which is both a serialized element
 * (full snapshots, added nodes, at any depth) and an attribute change, and an input event's
 * `{ source: 5, id, text }`. The whole event is walked, so no place rrweb puts a node is missed.
 * `maskValue` is idempotent (a masked value masks to itself), so a value masked twice is unchanged.
 */
export function maskFieldValues(
  event: { data: unknown },
  mirror: { getNode(id: number): Node | null },
  maskValue: (value: string, element: Element | null) => string,
): void {
  const maskOf = (id: number, value: string) => {
    const node = mirror.getNode(id);
    return maskValue(value, node && node.nodeType === 1 ? (node as Element) : null);
  };
  const walk = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    const item = value as Record<string, unknown>;
    const { id } = item;
    // A node's attributes (serialized, or changed by a mutation); an input event has none.
    const attributes = item.attributes as Record<string, unknown> | null | undefined;
    if (typeof id === "number") {
      if (attributes) {
        if (typeof attributes.value === "string") attributes.value = maskOf(id, attributes.value);
      } else if (item.source === inputSource && typeof item.text === "string") {
        item.text = maskOf(id, item.text);
      }
    }
    for (const key in item) walk(item[key]);
  };
  walk(event.data);
}

// rrweb's IncrementalSource.Input.
const inputSource = 5;
