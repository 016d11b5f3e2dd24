import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { documentRootContext, enterElement } from "./maskingContext.js";
import { compileMaskingRules, treatElement } from "./maskingRules.js";

const rules = compileMaskingRules(effectivePolicyFor({ textMasking: "inputs-only", nonSensitiveSelectors: ["#notes", "#country"] }).masking);
const treat = (tagName: string, attributes: Record<string, unknown> = {}) => treatElement(tagName, attributes, rules, { neverCapture: false, blocked: false });

describe("enterElement", () => {
  it("MS-1.5 starts from a document root that masks, blocks and keeps nothing by itself", () => {
    expect(enterElement(documentRootContext, treat("div"))).toEqual({ blocked: false, neverCapture: false, masked: false, region: null, code: false });
  });

  it("MS-1.6 keeps the outermost editable region's decision: a non-sensitive region inside a sensitive one stays masked", () => {
    const sensitive = enterElement(documentRootContext, treat("div", { contenteditable: "true" }));
    expect(enterElement(sensitive, treat("div", { contenteditable: "true", id: "notes" })).region).toEqual({ kind: "entered-text", keep: false });
    expect(enterElement(sensitive, treat("select", { id: "country" })).region).toEqual({ kind: "entered-text", keep: false });
  });

  it("MS-1.6 lets a non-sensitive editable region decide for the editable regions inside it, as the outermost", () => {
    const kept = enterElement(documentRootContext, treat("textarea", { id: "notes" }));
    expect(enterElement(kept, treat("div", { contenteditable: "true" })).region).toEqual({ kind: "entered-text", keep: true });
  });

  it.each(["style", "script"])("MS-1.7 marks the content of a %s element, and everything under it, as the site's code", (tagName) => {
    const code = enterElement(documentRootContext, treat(tagName));
    expect(code.code).toBe(true);
    expect(enterElement(code, treat("span")).code).toBe(true);
    expect(enterElement(documentRootContext, treat("span")).code).toBe(false);
  });
});
