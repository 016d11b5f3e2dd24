import { describe, expect, it } from "vitest";
import { deepFreeze } from "./deepFreeze.js";

describe("deepFreeze", () => {
  it("freezes every object and list reachable from the value, and returns the same value", () => {
    const value = { name: "policy", lists: [["a"], { depth: { deeper: [1, 2] } }], none: null };
    const frozen = deepFreeze(value);
    expect(frozen).toBe(value);
    for (const part of [value, value.lists, value.lists[0], value.lists[1], (value.lists[1] as { depth: object }).depth]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
  });

  it("leaves strings, numbers, null and undefined as they are (a string is not walked character by character)", () => {
    expect(deepFreeze("text")).toBe("text");
    expect(deepFreeze({ text: "a longer text", count: 3, missing: undefined, nothing: null })).toEqual({ text: "a longer text", count: 3, missing: undefined, nothing: null });
  });

  it("does not walk an object that is frozen already, so a cycle through frozen objects ends", () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    Object.freeze(cycle);
    expect(deepFreeze({ cycle })).toEqual({ cycle });
  });
});
