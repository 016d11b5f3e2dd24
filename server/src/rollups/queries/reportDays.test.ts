import { describe, expect, it } from "vitest";
import { AppError } from "../../errors/appError.js";
import { maxReportDays, reportDays } from "./reportDays.js";

const refusal = (range: { fromDay: string; toDay: string }) => {
  try {
    reportDays(range);
  } catch (error) {
    return error instanceof AppError ? { code: error.code, field: error.field, message: error.userMessage } : error;
  }
  return null;
};

describe("report day ranges", () => {
  it("lists every UTC day of the range, both ends included, across a month end", () => {
    expect(reportDays({ fromDay: "2026-02-27", toDay: "2026-03-02" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(reportDays({ fromDay: "2026-03-02", toDay: "2026-03-02" })).toEqual(["2026-03-02"]);
  });

  it(`accepts ${maxReportDays} days and refuses one more, naming the limit`, () => {
    expect(reportDays({ fromDay: "2025-01-01", toDay: "2026-01-01" })).toHaveLength(maxReportDays);
    expect(refusal({ fromDay: "2025-01-01", toDay: "2026-01-02" })).toMatchObject({ code: "BAD_INPUT", field: "toDay", message: expect.stringContaining(`at most ${maxReportDays} days`) });
  });

  it.each([
    ["not a date", { fromDay: "yesterday", toDay: "2026-03-02" }, "fromDay"],
    ["not a calendar day", { fromDay: "2026-02-30", toDay: "2026-03-02" }, "fromDay"],
    ["a time, not a day", { fromDay: "2026-03-01", toDay: "2026-03-02T00:00:00Z" }, "toDay"],
    ["ends before it starts", { fromDay: "2026-03-02", toDay: "2026-03-01" }, "toDay"],
  ])("refuses a range that is %s, naming the field", (_, range, field) => {
    expect(refusal(range)).toMatchObject({ code: "BAD_INPUT", field });
  });
});
