import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson, sha256OfCanonicalJson } from "./canonicalJson.js";

describe("canonicalJson", () => {
  it.each([
    ["sorts keys at every depth", { b: 1, a: { d: [3, { z: null, y: true }], c: "x" } }, '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}'],
    ["keeps array order", [3, 1, 2], "[3,1,2]"],
    ["escapes strings as JSON does", { "é\"": "line\nbreak" }, '{"é\\"":"line\\nbreak"}'],
    ["writes integers plainly", { n: 1e21, m: -0, k: 10 }, '{"k":10,"m":0,"n":1e+21}'],
    ["has no whitespace", { a: [], b: {} }, '{"a":[],"b":{}}'],
  ])("%s", (_, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it("refuses numbers JSON cannot hold", () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(RangeError);
  });

  it("gives the same digest whatever the key order, and another for any change", () => {
    const digest = sha256OfCanonicalJson({ purgeId: "prg_1", removed: [{ collection: "sessions", documentsRemoved: 2 }] });
    expect(digest).toBe(sha256OfCanonicalJson({ removed: [{ documentsRemoved: 2, collection: "sessions" }], purgeId: "prg_1" }));
    expect(digest).toBe(createHash("sha256").update('{"purgeId":"prg_1","removed":[{"collection":"sessions","documentsRemoved":2}]}').digest("hex"));
    expect(digest).not.toBe(sha256OfCanonicalJson({ purgeId: "prg_1", removed: [{ collection: "sessions", documentsRemoved: 3 }] }));
  });
});
