import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { Binary } from "mongodb";
import { describe, expect, it } from "vitest";
import { decodeChunkEvents, encodeChunkEvents } from "./recordingChunkRepository.js";

const events = [
  { type: 4, data: { href: "https://shop.example/", width: 1280, height: 720 }, timestamp: 1_796_000_000_000 },
  { type: 3, data: { source: 2, type: 2, id: 42, x: 10, y: 20 }, timestamp: 1_796_000_000_100 },
];

describe("chunk events at rest", () => {
  it("decodes what it encodes, and says the sizes it stored", async () => {
    const stored = await encodeChunkEvents(events);
    expect(stored.eventsEncoding).toBe("brotli");
    expect(stored.rawBytes).toBe(Buffer.byteLength(JSON.stringify(events)));
    expect(stored.storedBytes).toBe(stored.events.buffer.length);
    expect(await decodeChunkEvents(stored)).toEqual(events);
  });

  it("encodes a large chunk the same way", async () => {
    const many = Array.from({ length: 4_000 }, (_, index) => ({ type: 3, data: { source: 1, positions: [{ x: index, y: index * 2, id: 7, timeOffset: 0 }] }, timestamp: 1_796_000_000_000 + index }));
    const stored = await encodeChunkEvents(many);
    expect(stored.rawBytes).toBeGreaterThan(64 * 1024);
    expect(stored.storedBytes).toBeLessThan(stored.rawBytes / 4);
    expect(await decodeChunkEvents(stored)).toEqual(many);
  });

  it("writes a table-sized mutation with its node ids as differences, smaller than the plain encoding, and reads it back", async () => {
    // As rrweb records re-sorting a table of 800 rows of 7 cells: each row (ids row, row+1.. in
    // document order) removed and added again, the rows first, then per row its cells, last to
    // first, then their texts; the rows in a fixed shuffled order.
    const rowIds = Array.from({ length: 800 }, (_, row) => 1_000 + row * 15);
    let state = 7;
    const sorted = rowIds.map((id) => ({ id, order: (state = (state * 48_271) % 2_147_483_647) })).sort((a, b) => a.order - b.order).map(({ id }) => id);
    const element = (tagName: string, id: number) => ({ type: 2, tagName, attributes: {}, childNodes: [], id });
    const adds: { parentId: number; nextId: number | null; node: object }[] = sorted.map((id, index) => ({ parentId: 900, nextId: sorted[index - 1] ?? null, node: element("tr", id) }));
    for (const row of [...sorted].reverse()) {
      const cells = [6, 5, 4, 3, 2, 1, 0].map((cell) => row + 1 + cell * 2);
      cells.forEach((cell, index) => adds.push({ parentId: row, nextId: cells[index - 1] ?? null, node: element("td", cell) }));
      for (const cell of [...cells].reverse()) adds.push({ parentId: cell, nextId: null, node: { type: 3, textContent: `SKU-${cell}`, id: cell + 1 } });
    }
    const large = [{ type: 3, data: { source: 0, texts: [], attributes: [], removes: sorted.map((id) => ({ parentId: 900, id })), adds }, timestamp: 1_796_000_000_000 }];
    const stored = await encodeChunkEvents(large);
    expect(stored.eventsEncoding).toBe("brotli-id-deltas");
    expect(stored.rawBytes).toBe(Buffer.byteLength(JSON.stringify(large)));
    const plain = brotliCompressSync(JSON.stringify(large), { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_LGWIN]: 20 } });
    expect(stored.storedBytes).toBeLessThan(plain.length * 0.8);
    expect(await decodeChunkEvents(stored)).toEqual(large);
  });

  it("stores a large chunk whose ids are not plain integers as plain brotli", async () => {
    const odd = Array.from({ length: 2_000 }, (_, index) => ({ type: 3, data: { source: 2, type: 2, id: index + 0.5, x: index, y: 1 }, timestamp: 1_796_000_000_000 + index }));
    const stored = await encodeChunkEvents(odd);
    expect(stored.eventsEncoding).toBe("brotli");
    expect(await decodeChunkEvents(stored)).toEqual(odd);
  });

  it("still reads chunks stored gzip-compressed before (no eventsEncoding)", async () => {
    expect(await decodeChunkEvents({ events: new Binary(gzipSync(JSON.stringify(events))) })).toEqual(events);
  });
});
