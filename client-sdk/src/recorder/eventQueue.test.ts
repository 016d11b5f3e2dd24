import { describe, expect, it } from "vitest";
import { createEventQueue } from "./eventQueue.js";

const event = (id: number, size = 10) => `{"id":${id}${" ".repeat(Math.max(0, size - `{"id":${id}}`.length))}}`;

describe("createEventQueue", () => {
  it("hands events out oldest first, bounded by count and characters, at least one per take", () => {
    const queue = createEventQueue(100, 10_000);
    for (let id = 0; id < 5; id++) queue.push(event(id));
    expect(queue.take(2, 1_000)?.events).toEqual([event(0), event(1)]);
    expect(queue.take(10, 25)?.events).toEqual([event(2), event(3)]);
    queue.push(event(5, 500));
    expect(queue.take(10, 5)?.events).toEqual([event(4)]);
    expect(queue.take(10, 5)?.events).toEqual([event(5, 500)]);
    expect(queue.take(10, 1_000)).toBeNull();
  });

  it.each([
    { bound: "event count", limits: { maxEvents: 3, maxChars: 10_000 }, kept: [7, 8, 9] },
    { bound: "characters", limits: { maxEvents: 100, maxChars: 45 }, kept: [6, 7, 8, 9] },
  ])("drops the oldest events beyond its $bound and reports how many in the next take only", ({ limits, kept }) => {
    const queue = createEventQueue(limits.maxEvents, limits.maxChars);
    for (let id = 0; id < 10; id++) queue.push(event(id));
    expect(queue.length).toBe(kept.length);
    expect(queue.chars).toBe(kept.length * 10);
    expect(queue.take(100, 10_000)).toEqual({ events: kept.map((id) => event(id)), dropped: 10 - kept.length });
    queue.push(event(10));
    expect(queue.take(100, 10_000)).toEqual({ events: [event(10)], dropped: 0 });
  });

  it("drops an event bigger than the whole queue on its own, keeping what it holds", () => {
    const queue = createEventQueue(10, 100);
    queue.push(event(1));
    queue.push(event(2, 101));
    expect(queue.take(10, 1_000)).toEqual({ events: [event(1)], dropped: 1 });
  });

  it("puts events taken but not sent back at the front, in order, with their drop count", () => {
    const queue = createEventQueue(100, 10_000);
    for (let id = 0; id < 4; id++) queue.push(event(id));
    queue.countDropped(3);
    const take = queue.take(4, 10_000);
    expect(take).toEqual({ events: [0, 1, 2, 3].map((id) => event(id)), dropped: 3 });
    queue.push(event(4));
    queue.putBack({ events: [event(2), event(3)], dropped: 0 });
    expect(queue.chars).toBe(30);
    expect(queue.take(100, 10_000)).toEqual({ events: [2, 3, 4].map((id) => event(id)), dropped: 0 });
  });

  it("keeps its bounds when events are put back into a full queue, dropping the oldest", () => {
    const queue = createEventQueue(3, 10_000);
    for (let id = 0; id < 3; id++) queue.push(event(id));
    queue.putBack({ events: [event(-2), event(-1)], dropped: 1 });
    expect(queue.take(100, 10_000)).toEqual({ events: [event(0), event(1), event(2)], dropped: 3 });
  });
});
