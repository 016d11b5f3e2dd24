import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeBatchBody, type BatchBodyLimits } from "./decodeBatchBody.js";

const MiB = 1024 * 1024;
const limits: BatchBodyLimits = { maxDecompressedBytes: 8 * MiB, maxDepth: 256, maxValues: 250_000, maxStringBytes: 2 * MiB, maxEvents: 5_000 };

/** Valid JSON of `size` bytes: one event whose data is `{},` repeated (the attack's bomb). */
function objectsBomb(size: number): Buffer {
  const head = '{"events":[{"type":3,"timestamp":1,"data":[';
  const count = Math.floor((size - head.length - 4) / 3);
  return Buffer.from(`${head}${"{},".repeat(count)}{}]}]}`);
}

describe("decodeBatchBody", () => {
  it("inflates and scans a real-sized batch whole", async () => {
    const json = Buffer.from(JSON.stringify({ v: 1, events: [{ type: 3, data: { x: 1 }, timestamp: 5 }] }));
    const decoded = await decodeBatchBody(gzipSync(json), "gzip", limits);
    expect(decoded).toMatchObject({ kind: "ok", values: 14, inflatedBytes: json.length });
    expect(decoded.kind === "ok" && decoded.text.equals(json)).toBe(true);
  });

  it("refuses a small gzip bomb of 8 MB of {} without inflating it whole", async () => {
    const bomb = gzipSync(objectsBomb(8 * MiB - 1));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const decoded = await decodeBatchBody(bomb, "gzip", limits);
    expect(decoded).toMatchObject({ kind: "refused", limit: "values" });
    // 250,000 values are 750 kB of `{},`: inflation stops within a piece or two of that.
    expect(decoded.inflatedBytes).toBeLessThan(0.75 * MiB + 2 * 64 * 1024);
  });

  it("refuses zero-filled and deeply nested bombs in their first piece", async () => {
    const zeros = await decodeBatchBody(gzipSync(Buffer.alloc(8 * MiB)), "gzip", limits);
    expect(zeros).toMatchObject({ kind: "refused", limit: "syntax", message: "not valid JSON (byte 0x00 at 0)" });
    // One synchronous piece, thrown away, and the first piece of the stream.
    expect(zeros.inflatedBytes).toBeLessThanOrEqual(2 * 64 * 1024);
    const deep = await decodeBatchBody(gzipSync(Buffer.from(`${"[".repeat(400_000)}${"]".repeat(400_000)}`)), "gzip", limits);
    expect(deep).toMatchObject({ kind: "refused", limit: "depth", message: "nested deeper than 256 levels" });
    expect(deep.inflatedBytes).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("refuses a huge string once it passes the limit, not at its end", async () => {
    const decoded = await decodeBatchBody(gzipSync(Buffer.from(`{"events":[{"data":"${"a".repeat(7.9 * MiB)}"}]}`)), "gzip", limits);
    expect(decoded).toMatchObject({ kind: "refused", limit: "string", message: "a string is longer than 2097152 bytes" });
    expect(decoded.inflatedBytes).toBeLessThanOrEqual(2 * MiB + 2 * 64 * 1024);
  });

  it("stops at the decompressed limit when every byte is allowed (whitespace)", async () => {
    const decoded = await decodeBatchBody(gzipSync(Buffer.alloc(9 * MiB, 32)), "gzip", limits);
    expect(decoded).toMatchObject({ kind: "refused", limit: "decompressedBytes", message: "larger than 8388608 bytes once decompressed" });
    expect(decoded.inflatedBytes).toBeLessThanOrEqual(8 * MiB + 2 * 64 * 1024);
  });

  it("refuses what is not gzip, and scans an identity body the same way", async () => {
    expect(await decodeBatchBody(Buffer.from("plain"), "gzip", limits)).toMatchObject({ kind: "refused", limit: "gzip" });
    expect(await decodeBatchBody(Buffer.from('{"events":[[[[]]]]}'), "identity", { ...limits, maxDepth: 4 })).toMatchObject({ kind: "refused", limit: "depth" });
  });
});
