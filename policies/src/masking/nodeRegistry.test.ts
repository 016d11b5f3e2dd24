import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { compileMaskingRules } from "./maskingRules.js";
import { NodeRegistry } from "./nodeRegistry.js";

const rules = compileMaskingRules(effectivePolicyFor({ textMasking: "inputs-only", blockedSelectors: [".ad"] }).masking);

describe("NodeRegistry", () => {
  it("MS-2.4 keeps a password field never-capture when it is registered again as type=text (once a password, always a password)", () => {
    const registry = new NodeRegistry();
    registry.registerElement(10, null, "input", { type: "password" });
    expect(registry.treatment(10, rules)?.neverCapture).toBe(true);
    // The show-password toggle re-adds the node with the same id, without rrweb's marker.
    registry.registerElement(10, null, "input", { type: "text", value: "hunter2" });
    expect(registry.treatment(10, rules)?.neverCapture).toBe(true);
    expect(registry.contextOf(10, rules).context.neverCapture).toBe(true);
  });

  it("MS-1.7 keeps a blocked element blocked when it is registered again without the blocked class", () => {
    const registry = new NodeRegistry();
    registry.registerElement(10, null, "div", { class: "ad" });
    expect(registry.treatment(10, rules)?.blocked).toBe(true);
    registry.registerElement(10, null, "div", {});
    expect(registry.treatment(10, rules)?.blocked).toBe(true);
  });

  it("MS-2.4 MS-1.7 starts an element seen for the first time neither never-capture nor blocked", () => {
    const registry = new NodeRegistry();
    registry.registerOther(10, null);
    registry.registerElement(10, null, "input", { type: "text" });
    expect(registry.treatment(10, rules)).toMatchObject({ neverCapture: false, blocked: false });
  });

  it("MS-1.5 treats a node whose parent chain is a cycle as of unknown ancestry, so its content is masked", () => {
    const registry = new NodeRegistry();
    registry.registerElement(1, 2, "div", {});
    registry.registerElement(2, 1, "div", {});
    const { context, known } = registry.contextOf(1, rules);
    expect(known).toBe(false);
    expect(context.masked).toBe(true);
  });

  it("MS-1.5 follows a parent chain of 10,000 nodes, and treats a longer one as of unknown ancestry", () => {
    const registry = new NodeRegistry();
    const depth = 10_001;
    for (let id = 1; id <= depth; id++) registry.registerElement(id, id === depth ? null : id + 1, "div", {});
    expect(registry.contextOf(2, rules)).toMatchObject({ known: true, context: { masked: false } });
    expect(registry.contextOf(1, rules)).toMatchObject({ known: false, context: { masked: true } });
  });
});

describe("NodeRegistry: attributes and ancestry", () => {
  const withNotes = compileMaskingRules(effectivePolicyFor({ textMasking: "inputs-only", nonSensitiveSelectors: ["#notes"] }).masking);

  it("MS-1.5 never keeps an entered value among the attributes it remembers for the session", () => {
    const registry = new NodeRegistry();
    registry.registerElement(10, null, "input", { type: "text", "data-rr-is-password": "true" });
    registry.updateAttributes(10, { value: "hunter2", name: "pin", "data-rr-is-password": null }, withNotes);
    expect(registry.attributesOf(10)).toEqual({ type: "text", name: "pin" });
  });

  it("MS-1.6 lets the outermost editable region decide: a non-sensitive region inside a sensitive one stays masked", () => {
    const registry = new NodeRegistry();
    registry.registerElement(1, null, "div", { contenteditable: "true" });
    registry.registerElement(2, 1, "div", { contenteditable: "true", id: "notes" });
    registry.registerOther(3, 2);
    expect(registry.contextOf(3, withNotes).context.region).toEqual({ kind: "entered-text", keep: false });
  });
});
