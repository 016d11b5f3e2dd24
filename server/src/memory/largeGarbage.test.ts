import { describe, expect, it } from "vitest";
import { createLargeGarbage } from "./largeGarbage.js";

describe("largeGarbage", () => {
  it("runs a full collection once what was let go since the last one reaches the threshold, and counts again from zero", () => {
    let collected = 0;
    const garbage = createLargeGarbage({ collectAfterBytes: 100, collect: () => collected++ });
    garbage.note(60);
    expect(collected).toBe(0);
    garbage.note(40);
    expect(collected).toBe(1);
    garbage.note(99);
    expect(collected).toBe(1);
    garbage.note(250);
    expect([collected, garbage.fullCollections]).toEqual([2, 2]);
  });

  it("collects with V8's own full collection when given none", async () => {
    const garbage = createLargeGarbage({ collectAfterBytes: 1 });
    let unreachable: unknown[] | null = Array.from({ length: 100_000 }, (_, index) => ({ index }));
    const watched = new WeakRef(unreachable);
    unreachable = null;
    // A WeakRef keeps its target until the end of the job that made or read it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    garbage.note(1);
    expect(garbage.fullCollections).toBe(1);
    expect(watched.deref()).toBeUndefined();
  });
});
