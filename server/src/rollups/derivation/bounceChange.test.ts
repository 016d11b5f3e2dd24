import { describe, expect, it } from "vitest";
import { bounceChange } from "./bounceChange.js";

describe("bounceChange", () => {
  it.each([
    { case: "the first page of a session", steps: [{ round: "r1", pages: 1 }], expected: 1 },
    { case: "two pages at once: never a bounce", steps: [{ round: "r1", pages: 2 }], expected: 0 },
    { case: "the second page, in a later round", steps: [{ round: "r0", pages: 1 }, { round: "r1", pages: 1 }], expected: -1 },
    { case: "more pages after two", steps: [{ round: "r0", pages: 2 }, { round: "r1", pages: 3 }], expected: 0 },
    { case: "a later round not kept in the first two steps", steps: [{ round: "r0", pages: 1 }, { round: "r2", pages: 1 }], expected: 0 },
  ])("$case: $expected", ({ steps, expected }) => {
    expect(bounceChange(steps, "r1")).toBe(expected);
  });

  it("answers the same whatever was pushed after the round's own step", () => {
    const steps = [{ round: "r1", pages: 1 }];
    expect(bounceChange(steps, "r1")).toBe(1);
    expect(bounceChange([...steps, { round: "r2", pages: 1 }], "r1")).toBe(1);
    expect(bounceChange([...steps, { round: "r2", pages: 1 }], "r2")).toBe(-1);
  });
});
