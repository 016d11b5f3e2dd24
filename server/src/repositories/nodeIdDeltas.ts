/**
 * rrweb names every DOM node by a number (`id`, and `parentId`, `nextId`, `previousId` in a
 * mutation), and a large chunk is mostly those numbers: a product page's snapshot has ~13,000
 * nodes, and re-sorting an 850-row table re-adds 12,750 of them, each with its id, its parent's
 * and its next sibling's. As five-digit numbers they defeat the compressor; as the difference to
 * the id written just before they are small repeating numbers (a snapshot numbers its nodes in
 * document order, a mutation adds a row's cells after the row). Measured on the realistic bench
 * page: the snapshot 128 → 80 kB and each sort 89 → 40 kB under the same brotli settings.
 *
 * Lossless for any JSON: every number under one of those keys, in the order JSON.stringify
 * writes them, is replaced by its difference to the one before (the first to 0), and restored in
 * the same order on reading (JSON.parse revives leaves in document order too). Only when every
 * such number is an integer within ±2^51, so that each difference is an exact integer and a
 * reader can take every number under those keys for a difference; otherwise the caller stores
 * the plain JSON.
 */
const nodeIdKeys = new Set(["id", "parentId", "nextId", "previousId"]);
const largestId = 2 ** 51;

/** The events as JSON with node ids written as differences, or null when some id number is not a plain integer within ±2^51. */
export function stringifyWithIdDeltas(events: readonly unknown[]): string | null {
  let previous = 0;
  let encodable = true;
  const json = JSON.stringify(events, (key, value: unknown) => {
    if (typeof value !== "number" || !nodeIdKeys.has(key)) return value;
    if (!Number.isInteger(value) || Math.abs(value) > largestId) {
      encodable = false;
      return value;
    }
    const delta = value - previous;
    previous = value;
    return delta;
  });
  return encodable ? json : null;
}

/** The events stringifyWithIdDeltas wrote, with their node ids restored. */
export function parseWithIdDeltas(json: string): unknown[] {
  let previous = 0;
  return JSON.parse(json, (key, value: unknown) => {
    if (typeof value !== "number" || !nodeIdKeys.has(key)) return value;
    previous += value;
    return previous;
  }) as unknown[];
}
