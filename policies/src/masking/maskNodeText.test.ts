import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { documentRootContext } from "./maskingContext.js";
import { emptyMaskingReport } from "./maskingReport.js";
import { compileMaskingRules } from "./maskingRules.js";
import { maskNodeText } from "./maskNodeText.js";

const rules = compileMaskingRules(effectivePolicyFor({ textMasking: "inputs-only", nonSensitiveSelectors: ["#notes"] }).masking);

describe("maskNodeText", () => {
  it("MS-2.4 removes text inside a never-capture field, even in a region marked to keep, and counts it", () => {
    const report = emptyMaskingReport();
    const context = { ...documentRootContext, neverCapture: true, region: { kind: "entered-text" as const, keep: true } };
    expect(maskNodeText("4111 1111 1111 1111", context, false, rules, report)).toBe("");
    expect(report).toMatchObject({ neverCapturedValues: 1, maskedValues: 0 });
  });

  it("MS-1.6 keeps the text of a non-sensitive editable region and counts nothing", () => {
    const report = emptyMaskingReport();
    const context = { ...documentRootContext, region: { kind: "entered-text" as const, keep: true } };
    expect(maskNodeText("Dear team", context, false, rules, report)).toBe("Dear team");
    expect(report).toMatchObject({ neverCapturedValues: 0, maskedValues: 0 });
  });

  it("MS-2.4 returns empty text as it is, without counting it as a removed value", () => {
    const report = emptyMaskingReport();
    expect(maskNodeText("", { ...documentRootContext, neverCapture: true }, false, rules, report)).toBe("");
    expect(report).toMatchObject({ neverCapturedValues: 0, maskedValues: 0 });
  });

  it("MS-1.7 keeps the site's CSS and script placeholder inside a style or script element, even under all-text", () => {
    const allText = compileMaskingRules(effectivePolicyFor({ textMasking: "all-text" }).masking);
    const report = emptyMaskingReport();
    expect(maskNodeText(".price { color: red }", { ...documentRootContext, code: true }, false, allText, report)).toBe(".price { color: red }");
    expect(maskNodeText("Jane Doe", documentRootContext, false, allText, report)).toBe("**** ***");
  });
});
