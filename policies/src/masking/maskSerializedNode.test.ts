import { NodeType } from "@rrweb/types";
import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { documentRootContext } from "./maskingContext.js";
import { emptyMaskingReport } from "./maskingReport.js";
import { compileMaskingRules } from "./maskingRules.js";
import { maskMutation } from "./maskMutation.js";
import { maskSerializedNode, registerSerializedTree, type MaskingState } from "./maskSerializedNode.js";
import { NodeRegistry } from "./nodeRegistry.js";

/**
 * The masking of serialized trees (full snapshots, mutation additions) and of mutations, called
 * directly: what is kept must be kept exactly, not only what is secret removed, so that a rule made
 * stricter by mistake (a replay broken for nothing) shows as well as one made weaker.
 */
function stateFor(settings: Parameters<typeof effectivePolicyFor>[0]): MaskingState {
  return { registry: new NodeRegistry(), rules: compileMaskingRules(effectivePolicyFor(settings).masking), report: emptyMaskingReport() };
}

const element = (id: number, tagName: string, attributes: Record<string, unknown>, childNodes: unknown[] = []) => ({ type: NodeType.Element, id, tagName, attributes, childNodes });
const text = (id: number, textContent: string, extra: Record<string, unknown> = {}) => ({ type: NodeType.Text, id, textContent, ...extra });

function masked(tree: Record<string, unknown>, state: MaskingState): boolean {
  registerSerializedTree(tree, null, state.registry);
  return maskSerializedNode(tree, documentRootContext, state);
}

describe("maskSerializedNode", () => {
  it("MS-1.5 keeps a style element's CSS as it is, even under all-text, and masks the page text beside it", () => {
    const state = stateFor({ textMasking: "all-text" });
    const tree = element(1, "html", {}, [element(2, "style", {}, [text(3, ".cart { color: red }", { isStyle: true })]), element(4, "p", {}, [text(5, "Jane Doe")])]);
    expect(masked(tree, state)).toBe(true);
    expect(tree.childNodes).toEqual([
      element(2, "style", {}, [text(3, ".cart { color: red }", { isStyle: true })]),
      element(4, "p", {}, [text(5, "**** ***")]),
    ]);
  });

  it("MS-1.5 masks a text field's value one character for one, and a choice to a fixed length", () => {
    const state = stateFor({ textMasking: "inputs-only" });
    const tree = element(1, "form", {}, [element(2, "input", { type: "text", value: "Jane" }), element(3, "input", { type: "radio", value: "XL", checked: true })]);
    masked(tree, state);
    expect(tree.childNodes).toEqual([element(2, "input", { type: "text", value: "****" }), element(3, "input", { type: "radio", value: "********", checked: true })]);
  });

  it("MS-1.5 drops a malformed child (not an object, or without a node id) and keeps its well-formed siblings", () => {
    const state = stateFor({ textMasking: "inputs-only" });
    const tree = element(1, "div", {}, [null, "text", text(-1, "no id"), text(2, "Shown")]);
    registerSerializedTree(tree, null, state.registry);
    expect(state.registry.size).toBe(2);
    expect(maskSerializedNode(tree, documentRootContext, state)).toBe(true);
    expect(tree.childNodes).toEqual([text(2, "Shown")]);
    expect(state.report.droppedParts).toBe(3);
  });

  it("MS-1.7 records a blocked element as an empty box that keeps only its class and size", () => {
    const state = stateFor({ textMasking: "inputs-only", blockedSelectors: [".chat"] });
    const tree = element(1, "div", { class: "chat", rr_width: "300px", rr_height: "200px", title: "Chat with Jane" }, [text(2, "Hi, I am Jane")]);
    masked(tree, state);
    expect(tree).toEqual(element(1, "div", { class: "chat", rr_width: "300px", rr_height: "200px" }));
    expect(Object.keys(tree.attributes)).toEqual(["class", "rr_width", "rr_height"]);
    // What it does not have is not made up.
    const sized = element(3, "div", { id: "chat", class: "chat", rr_width: "300px" });
    masked(sized, state);
    expect(Object.keys(sized.attributes)).toEqual(["class", "rr_width"]);
  });

  it("MS-1.5 drops an element the registry was never told about", () => {
    const state = stateFor({ textMasking: "inputs-only" });
    expect(maskSerializedNode(element(7, "input", { value: "Jane" }), documentRootContext, state)).toBe(false);
    expect(state.report.droppedParts).toBe(1);
  });

  it("MS-1.5 masks all page text when a masked selector cannot be applied, failing closed", () => {
    const masking = { ...effectivePolicyFor({ textMasking: "inputs-only" }).masking, maskedSelectors: ["div > p"] };
    const state: MaskingState = { registry: new NodeRegistry(), rules: compileMaskingRules(masking), report: emptyMaskingReport() };
    const tree = element(1, "p", {}, [text(2, "Jane Doe")]);
    masked(tree, state);
    expect(tree.childNodes).toEqual([text(2, "**** ***")]);
  });
});

describe("maskMutation", () => {
  it("MS-1.5 masks a value given to an element never seen as a choice, to a fixed length, and keeps its other attributes", () => {
    const state = stateFor({ textMasking: "inputs-only" });
    const data: Record<string, unknown> = { adds: [], removes: [], texts: [], attributes: [{ id: 99, attributes: { class: "field", value: "Jane" } }] };
    maskMutation(data, state);
    expect(data.attributes).toEqual([{ id: 99, attributes: { class: "field", value: "********" } }]);
  });

  it("MS-1.5 keeps the CSS of a style text added under a node never seen, and masks page text added there", () => {
    const state = stateFor({ textMasking: "inputs-only" });
    const data: Record<string, unknown> = {
      adds: [
        { parentId: 500, nextId: null, node: text(501, ".cart { color: red }", { isStyle: true }) },
        { parentId: 500, nextId: null, node: text(502, "Jane Doe") },
      ],
      removes: [],
      texts: [],
      attributes: [],
    };
    maskMutation(data, state);
    expect((data.adds as { node: unknown }[]).map((add) => add.node)).toEqual([text(501, ".cart { color: red }", { isStyle: true }), text(502, "**** ***")]);
  });

  it("MS-1.5 drops an element without a tag name and keeps its well-formed siblings", () => {
    const state = stateFor({ textMasking: "inputs-only" });
    const tree = element(1, "div", {}, [{ type: NodeType.Element, id: 2, attributes: { value: "Jane" }, childNodes: [] }, text(3, "Shown")]);
    expect(masked(tree, state)).toBe(true);
    expect(tree.childNodes).toEqual([text(3, "Shown")]);
  });

  it("keeps a text change that empties a node (value null) as it is", () => {
    const state = stateFor({ textMasking: "all-text" });
    masked(element(1, "p", {}, [text(2, "Hello")]), state);
    const data: Record<string, unknown> = { adds: [], removes: [], texts: [{ id: 2, value: null }], attributes: [] };
    maskMutation(data, state);
    expect(data.texts).toEqual([{ id: 2, value: null }]);
  });
});
