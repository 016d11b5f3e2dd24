import { describe, expect, it } from "vitest";
import { revisionDateInWords } from "./revisionDate.js";

describe("revisionDateInWords", () => {
  it.each([
    ["2018-03-02", "02 March 2018"],
    ["2026-12-31", "31 December 2026"],
    ["2020-01-09", "09 January 2020"],
    ...["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].map(
      (name, index) => [`2025-${String(index + 1).padStart(2, "0")}-15`, `15 ${name} 2025`],
    ),
  ])("MS-5.1 writes %s as %s", (iso, words) => {
    expect(revisionDateInWords(iso)).toBe(words);
  });

  it.each(["2018-13-02", "02.03.2018", "", "x2018-03-02", "2018-03-02x"])("refuses %j, naming it", (iso) => {
    expect(() => revisionDateInWords(iso)).toThrow(new RangeError(`not an ISO date: ${iso}`));
  });
});
