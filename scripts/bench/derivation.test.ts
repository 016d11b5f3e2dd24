import { describe, expect, it } from "vitest";
import { derivationTimes, type StoredChunk } from "./derivation.js";

const at = (ms: number) => new Date(Date.UTC(2026, 11, 4, 12, 0, 0) + ms);
const chunk = (receivedMs: number, rollup: StoredChunk["rollup"]) => ({ sessionKey: "s", pageId: "p", seq: 0, receivedAt: at(receivedMs), rollup }) as unknown as StoredChunk;

describe("derivationTimes", () => {
  it("measures each chunk from its store to its derivation, and the last derivation", () => {
    const times = derivationTimes([
      chunk(0, { state: "applied", claimedUntil: at(0), appliedAt: at(400) }),
      chunk(100, { state: "applied", claimedUntil: at(0), appliedAt: at(1_600) }),
    ]);
    expect(times).toEqual({ lagsMs: [400, 1_500], lastAppliedAtMs: at(1_600).getTime(), withoutAppliedAt: 0 });
  });

  it("counts a chunk derived in its request (no appliedAt) as lag 0, and says how many", () => {
    const times = derivationTimes([chunk(0, { state: "applied", claimedUntil: at(0) }), chunk(0, { state: "applied", claimedUntil: at(0), appliedAt: at(30) })]);
    expect(times).toEqual({ lagsMs: [0, 30], lastAppliedAtMs: at(30).getTime(), withoutAppliedAt: 1 });
  });

  it("refuses a chunk still pending: the bench reads lags only after the backlog drained", () => {
    expect(() => derivationTimes([chunk(0, { state: "pending", claimedUntil: at(0) })])).toThrow(/still pending/);
  });
});
