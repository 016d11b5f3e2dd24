import { describe, expect, it } from "vitest";
import { surveyRunsAt } from "./surveyRunsAt.js";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const display = { pathPrefix: "/", delaySeconds: 0 };

describe("surveyRunsAt", () => {
  it.each([
    ["an active survey without dates", "active", {}, true],
    ["a draft", "draft", {}, false],
    ["an archived survey", "archived", {}, false],
    ["before its start", "active", { startsAt: day("2026-03-02") }, false],
    ["at its start", "active", { startsAt: day("2026-03-01") }, true],
    ["at its end (excluded)", "active", { endsAt: day("2026-03-01") }, false],
    ["just before its end", "active", { endsAt: new Date(day("2026-03-01").getTime() + 1) }, true],
    ["with null dates (open-ended)", "active", { startsAt: null, endsAt: null }, true],
  ] as const)("%s → %s", (_name, status, dates, runs) => {
    expect(surveyRunsAt({ status, display: { ...display, ...dates } }, day("2026-03-01"))).toBe(runs);
  });
});
