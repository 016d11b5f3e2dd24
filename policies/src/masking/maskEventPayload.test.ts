import { describe, expect, it } from "vitest";
import { maskEventPayload, maxPayloadDepth } from "./maskEventPayload.js";
import { emptyMaskingReport } from "./maskingReport.js";

/** "Jane" inside `levels` nested lists. */
function nested(levels: number, leaf: unknown = "Jane"): unknown {
  let value: unknown = leaf;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

describe("maskEventPayload", () => {
  it("MS-1.5 keeps a payload nested exactly to the limit and refuses one level more", () => {
    expect(maskEventPayload(nested(maxPayloadDepth), true, "*", emptyMaskingReport())).toEqual({ payload: nested(maxPayloadDepth, "****") });
    expect(maskEventPayload(nested(maxPayloadDepth + 1), true, "*", emptyMaskingReport())).toBeNull();
    expect(maskEventPayload({ a: nested(maxPayloadDepth) }, true, "*", emptyMaskingReport())).toBeNull();
  });

  it("MS-1.5 keeps strings and counts nothing when strings are not to be masked", () => {
    const report = emptyMaskingReport();
    expect(maskEventPayload({ "free text": "Jane", list: ["Doe"] }, false, "*", report)).toEqual({ payload: { "free text": "Jane", list: ["Doe"] } });
    expect(report.maskedValues).toBe(0);
  });

  it("MS-1.5 counts each masked string once, not empty ones, even when an object is reached twice", () => {
    const shared = { name: "Jane" };
    const report = emptyMaskingReport();
    const result = maskEventPayload({ first: shared, second: shared, empty: "" }, true, "*", report);
    expect(result).toEqual({ payload: { first: { name: "****" }, second: { name: "****" }, empty: "" } });
    expect(report.maskedValues).toBe(1);
  });

  it("MS-1.5 keeps the first of two keys that mask alike and counts the other as dropped", () => {
    const report = emptyMaskingReport();
    expect(maskEventPayload({ "Jane Doe": 1, "John Roe": 2 }, true, "*", report)).toEqual({ payload: { "**** ***": 1 } });
    expect(report.droppedParts).toBe(1);
  });
});
