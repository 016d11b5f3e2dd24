import { describe, expect, it } from "vitest";
import { createBatchMemoryBudget } from "./batchMemoryBudget.js";

describe("batch memory budget", () => {
  it("grants up to the total, queues the rest in order, and refuses past the waiting bound", async () => {
    const budget = createBatchMemoryBudget({ totalBytes: 100, maxWaiting: 2 });
    const first = await budget.acquire(60);
    const second = await budget.acquire(40);
    expect(budget.inUse).toBe(100);
    const granted: string[] = [];
    void budget.acquire(50)?.then((lease) => granted.push("third") && lease);
    void budget.acquire(10)?.then(() => granted.push("fourth"));
    expect(budget.waiting).toBe(2);
    expect(budget.acquire(1)).toBeNull();

    // The head of the queue goes first: the small fourth does not overtake the third.
    second?.release();
    await Promise.resolve();
    expect(granted).toEqual([]);
    first?.settle(10);
    await Promise.resolve();
    await Promise.resolve();
    expect(granted).toEqual(["third", "fourth"]);
    expect(budget.inUse).toBe(70);
  });

  it("settles only downwards, and a release twice frees once; the lease says what it holds", async () => {
    const budget = createBatchMemoryBudget({ totalBytes: 100, maxWaiting: 0 });
    const lease = await budget.acquire(80);
    lease?.settle(90);
    expect([budget.inUse, lease?.bytes]).toEqual([80, 80]);
    lease?.settle(5);
    expect([budget.inUse, lease?.bytes]).toEqual([5, 5]);
    lease?.release();
    lease?.release();
    expect([budget.inUse, lease?.bytes]).toEqual([0, 0]);
  });

  it("lets a batch larger than the whole budget through when alone", async () => {
    const budget = createBatchMemoryBudget({ totalBytes: 10, maxWaiting: 0 });
    const lease = await budget.acquire(50);
    expect(budget.inUse).toBe(50);
    expect(budget.acquire(1)).toBeNull();
    lease?.release();
  });
});
