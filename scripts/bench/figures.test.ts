import { describe, expect, it } from "vitest";
import { figure, percentile } from "./figures.js";

describe("figure", () => {
  const baseline = { name: "B3", value: 100, unit: "requests/s" };
  const target = { op: ">=" as const, limit: 0.5, text: ">= 0.5 x B3" };

  it("takes the median of the per-round ratios, not the median value over the median baseline", () => {
    // Medians divided would be 60 / 100 = 0.6 and meet the target; the rounds' own ratios do not.
    const entry = figure("ingest", 60, "requests/s", { baseline, target, roundRatios: [0.9, 0.1, 0.2] });
    expect(entry).toMatchObject({ ratio: 0.2, ratioMin: 0.1, met: false });
  });

  it("judges the target on the ratio at its boundary", () => {
    expect(figure("ingest", 1, "requests/s", { baseline, target, roundRatios: [0.5] }).met).toBe(true);
    expect(figure("ingest", 1, "requests/s", { baseline, target, roundRatios: [0.4999] }).met).toBe(false);
  });

  it("divides by the baseline when there are no rounds, and judges a value without baseline as it is", () => {
    const single = figure("last round", 80, "requests/s", { baseline: { ...baseline, value: 100 }, target: { op: ">=", limit: 0.8, text: "" } });
    expect(single).toMatchObject({ ratio: 0.8, ratioMin: null, met: true });
    const lag = figure("lag p95", 2_001, "ms", { target: { op: "<=", limit: 2_000, text: "<= 2 s" } });
    expect(lag).toMatchObject({ ratio: null, met: false });
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
  });
});
