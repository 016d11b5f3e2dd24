import { describe, expect, it } from "vitest";
import { JsonStructureScanner, type JsonStructureLimits } from "./jsonStructureScanner.js";

const limits: JsonStructureLimits = { maxDepth: 4, maxValues: 10, maxStringBytes: 8, maxEvents: 3 };

function scan(json: string, pieceSize = json.length || 1, custom: Partial<JsonStructureLimits> = {}) {
  const scanner = new JsonStructureScanner({ ...limits, ...custom });
  const bytes = Buffer.from(json);
  for (let start = 0; start < bytes.length; start += pieceSize) {
    const problem = scanner.write(bytes.subarray(start, start + pieceSize));
    if (problem) return problem.limit;
  }
  return scanner.figures();
}

describe("JsonStructureScanner", () => {
  it.each([
    ["depth at the limit", "[[[[]]]]", { values: 4, maxDepth: 4 }],
    ["depth one over", "[[[[[]]]]]", "depth"],
    ["values at the limit (keys counted)", '{"a":1,"b":[true,false,null],"c":"x"}', { values: 10, maxDepth: 2 }],
    ["values one over", '{"a":-1.5e3,"b":[true,false,null],"c":"x","d":0}', "values"],
    ["string at the limit", '["12345678"]', { values: 2, maxDepth: 1 }],
    ["string one over", '["123456789"]', "string"],
    ["escapes count as written", '["\\"\\"\\"\\"\\""]', "string"],
    ["a quote escaped inside a string does not end it", '["a\\"]]]"]', { values: 2, maxDepth: 1 }],
    ["events at the limit", '{"events":[{},{},{}]}', { values: 6, maxDepth: 3 }],
    ["events one over", '{"events":[{},{},{},{}]}', "events"],
    ["strings and numbers are events too", '{"events":[1,"a",[],null]}', "events"],
    ["another key's array is not events", '{"other":[1,2,3,4],"v":1}', { values: 9, maxDepth: 2 }],
    ["a nested events key is not the batch's", '{"x":{"events":[1,2,3,4]}}', { values: 9, maxDepth: 3 }],
    ["a zero byte is refused where it stands", "[1,\u0000", "syntax"],
    ["a raw control byte inside a string", '["a\u0001"]', "syntax"],
    ["a bare word", "[1,x]", "syntax"],
    ["whitespace everywhere JSON allows it", ' { "v" :\t[ 1 ,\r\n2 ] } ', { values: 5, maxDepth: 2 }],
    ["a top-level array has no keys", '["events",[1,2,3,4]]', { values: 7, maxDepth: 2 }],
    ["an events value that is a string", '{"v":"events","w":[1,2,3,4]}', { values: 9, maxDepth: 2 }],
  ])("%s", (_name, json, expected) => {
    expect(scan(json)).toEqual(expected);
  });

  it("gives the same answer whatever the pieces the body arrives in", () => {
    const json = '{"v":1,"events":[{"t":"ab\\"c"},{"t":-12.5e-3},[true]],"x":[[[null]]]}';
    const whole = scan(json, json.length, { maxValues: 100, maxDepth: 10 });
    for (const size of [1, 2, 3, 7]) expect(scan(json, size, { maxValues: 100, maxDepth: 10 })).toEqual(whole);
    expect(scan(json.replace("[true]", "[true],4"), 1, { maxValues: 100, maxDepth: 10 })).toBe("events");
  });

  it("never counts fewer values than JSON.parse makes: the bombs of the attack", () => {
    const objects = `[${"{},".repeat(10)}{}]`;
    expect(JSON.parse(objects)).toHaveLength(11);
    expect(scan(objects, 5, { maxValues: 12 })).toEqual({ values: 12, maxDepth: 2 });
    expect(scan(objects, 5, { maxValues: 11 })).toBe("values");
    expect(scan("[".repeat(100), 3, { maxValues: 1000 })).toBe("depth");
  });
});
