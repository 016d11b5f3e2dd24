import { gzipSync } from "node:zlib";
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

  it("still reads chunks stored gzip-compressed before (no eventsEncoding)", async () => {
    expect(await decodeChunkEvents({ events: new Binary(gzipSync(JSON.stringify(events))) })).toEqual(events);
  });
});
