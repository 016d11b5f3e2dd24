import { describe, expect, it } from "vitest";
import { isAttributeValue, isNodeId, isRecord } from "./eventShape.js";

describe("event shape checks", () => {
  it.each([
    [{}, true],
    [{ id: 1 }, true],
    [[], false],
    [null, false],
    ["{}", false],
    [1, false],
  ])("MS-1.5 counts %j as a record: %s", (value, expected) => {
    expect(isRecord(value)).toBe(expected);
  });

  it.each([
    ["text", true],
    ["", true],
    [0, true],
    [true, true],
    [null, true],
    [false, false],
    [undefined, false],
    [["jane@example.com"], false],
    [{ value: "jane@example.com" }, false],
  ])("MS-1.5 counts %j as an attribute value rrweb records: %s", (value, expected) => {
    expect(isAttributeValue(value)).toBe(expected);
  });

  it.each([
    [1, true],
    [Number.MAX_SAFE_INTEGER, true],
    [0, false],
    [-1, false],
    [-2, false],
    [1.5, false],
    [2 ** 53, false],
    ["1", false],
    [null, false],
  ])("MS-1.5 counts %j as a node id: %s", (value, expected) => {
    expect(isNodeId(value)).toBe(expected);
  });
});
