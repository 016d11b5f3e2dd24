import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { documentRootContext } from "./maskingContext.js";
import { emptyMaskingReport } from "./maskingReport.js";
import { maskElementAttributes } from "./maskElementAttributes.js";
import { compileMaskingRules, treatElement } from "./maskingRules.js";

const allText = compileMaskingRules(effectivePolicyFor({ textMasking: "all-text" }).masking);
const inputsOnly = compileMaskingRules(effectivePolicyFor({ textMasking: "inputs-only" }).masking);
const fresh = { neverCapture: false, blocked: false };

function masked(tagName: string, attributes: Record<string, unknown>, rules = allText, context = documentRootContext) {
  const copy = { ...attributes };
  const report = emptyMaskingReport();
  maskElementAttributes(copy, copy, treatElement(tagName, copy, rules, fresh), context, rules, report);
  return { attributes: copy, report };
}

describe("maskElementAttributes", () => {
  it.each(["placeholder", "title", "alt", "aria-label", "aria-description", "aria-valuetext", "label"])(
    "MS-1.7 masks the %s attribute as page text under all-text, and keeps it under inputs-only",
    (name) => {
      const { attributes, report } = masked("img", { [name]: "Jane Doe" });
      expect(attributes).toEqual({ [name]: "**** ***" });
      expect(report.maskedValues).toBe(1);
      expect(masked("img", { [name]: "Jane Doe" }, inputsOnly).attributes).toEqual({ [name]: "Jane Doe" });
    },
  );

  it("MS-2.4 removes whether a never-capture field is ticked, and keeps it elsewhere", () => {
    const neverCapture = { ...documentRootContext, neverCapture: true };
    expect(masked("input", { type: "checkbox", checked: true }, inputsOnly, neverCapture).attributes).toEqual({ type: "checkbox" });
    expect(masked("input", { type: "checkbox", checked: true }, inputsOnly).attributes).toEqual({ type: "checkbox", checked: true });
  });

  it("MS-1.5 masks an option's value, numeric or not, to a fixed length and its label as page text in a select whose choice is masked", () => {
    const inMaskedSelect = { ...documentRootContext, region: { kind: "select" as const, keep: false } };
    const numeric = masked("option", { value: 42, label: "Germany" }, inputsOnly, inMaskedSelect);
    expect(numeric.attributes).toEqual({ value: "********", label: "*******" });
    expect(numeric.report.maskedValues).toBe(2);
    const unlabelled = masked("option", { value: "DE", label: "" }, inputsOnly, inMaskedSelect);
    expect(unlabelled.attributes).toEqual({ value: "********", label: "" });
    expect(unlabelled.report.maskedValues).toBe(1);
  });

  it("MS-1.7 counts only the text attributes it masked under all-text, not empty ones", () => {
    expect(masked("img", { alt: "", title: "Jane" }).report.maskedValues).toBe(1);
  });

  const inSelect = (keep: boolean, masked = false) => ({ ...documentRootContext, masked, region: { kind: "select" as const, keep } });

  it("MS-1.6 keeps which option is selected only in a non-sensitive select outside masked elements", () => {
    expect(masked("option", { selected: true }, inputsOnly, inSelect(true)).attributes).toEqual({ selected: true });
    expect(masked("option", { selected: true }, inputsOnly, inSelect(true, true)).attributes).toEqual({});
    expect(masked("option", { selected: true }, inputsOnly, inSelect(false)).attributes).toEqual({});
    const inKeptTextRegion = { ...documentRootContext, region: { kind: "entered-text" as const, keep: true } };
    expect(masked("option", { selected: true }, inputsOnly, inKeptTextRegion).attributes).toEqual({});
  });

  it("MS-1.5 keeps the removal of selected (null) and leaves selected alone outside options", () => {
    expect(masked("option", { selected: null }, inputsOnly, inSelect(false)).attributes).toEqual({ selected: null });
    expect(masked("input", { type: "checkbox", selected: true }, inputsOnly, inSelect(false)).attributes).toEqual({ type: "checkbox", selected: true });
  });

  it("MS-1.5 masks an optgroup's label in a masked select, and leaves other elements there to their own rules", () => {
    expect(masked("optgroup", { label: "Europe" }, inputsOnly, inSelect(false)).attributes).toEqual({ label: "******" });
    expect(masked("div", { value: "DE", label: "Germany" }, inputsOnly, inSelect(false)).attributes).toEqual({ value: "DE", label: "Germany" });
  });

  it("MS-1.5 keeps a value that is no text (null when removed, true) as it is, and masks a number like text", () => {
    const none = masked("input", { value: null }, inputsOnly);
    expect(none.attributes).toEqual({ value: null });
    expect(none.report.maskedValues).toBe(0);
    expect(masked("input", { value: true }, inputsOnly).attributes).toEqual({ value: true });
    expect(masked("input", { value: 1234 }, inputsOnly).attributes).toEqual({ value: "****" });
  });

  it("MS-1.5 reads a type of submit as a button label on inputs only: a textarea's value is still masked", () => {
    expect(masked("textarea", { type: "submit", value: "Jane" }, inputsOnly).attributes).toEqual({ type: "submit", value: "****" });
    expect(masked("input", { type: "submit", value: "Send" }, inputsOnly).attributes).toEqual({ type: "submit", value: "Send" });
  });

  it("MS-1.5 removes selected from an option outside any select", () => {
    expect(masked("option", { selected: true }, inputsOnly).attributes).toEqual({});
  });
});
