import { describe, expect, it } from "vitest";
import { createFieldMasking } from "./fieldMasking.js";
import { maskFieldValues } from "./maskFieldValues.js";
import { FakeElement, isValidTestSelector } from "./testing/fakeElement.js";

const { maskValue } = createFieldMasking(
  {
    maskCharacter: "*",
    textMasking: "inputs-only",
    nonSensitiveSelectors: ["#search"],
    maskedSelectors: [],
    blockedSelectors: [],
    neverCapture: { inputTypes: ["password"], autocompleteTokens: [], autocompleteTokenPrefixes: ["cc-"] },
  },
  isValidTestSelector,
);

const nodes = new Map<number, FakeElement>([
  [10, new FakeElement("input", { type: "email" })],
  [11, new FakeElement("input", { type: "password" })],
  [12, new FakeElement("input", { id: "search" })],
  [13, new FakeElement("input", { type: "file" })],
  [14, new FakeElement("li")],
  [15, new FakeElement("input", { autocomplete: "cc-number" })],
]);
const nodeOf = (id: number) => (nodes.get(id) as unknown as Node | undefined) ?? null;

const element = (id: number, tagName: string, attributes: Record<string, unknown>, childNodes: unknown[] = []) => ({
  type: 2,
  id,
  tagName,
  attributes,
  childNodes,
});

describe("maskFieldValues", () => {
  it("MS-1.5 MS-2.4 masks the value attributes rrweb left raw in a full snapshot, at any depth", () => {
    const snapshot = {
      type: 2,
      data: {
        node: {
          type: 0,
          id: 1,
          childNodes: [
            element(2, "form", { class: "checkout" }, [
              element(10, "input", { type: "email", value: "jane@example.com" }),
              element(11, "input", { type: "password", value: "hunter2" }),
              element(12, "input", { id: "search", value: "red shoes" }),
              element(13, "input", { type: "file", value: "C:\\fakepath\\passport.pdf" }),
              element(14, "li", { value: "3" }),
              element(99, "input", { value: "unknown node" }),
            ]),
          ],
        },
        initialOffset: { top: 0, left: 0 },
      },
    };
    maskFieldValues(snapshot, { getNode: nodeOf }, maskValue);
    const values = snapshot.data.node.childNodes[0]?.childNodes.map((child) => (child as { attributes: { value: string } }).attributes.value);
    expect(values).toEqual(["****************", "", "red shoes", "************************", "3", ""]);
  });

  it("MS-1.5 MS-2.4 masks added nodes and value changes in mutations", () => {
    const mutation = {
      type: 3,
      data: {
        source: 0,
        adds: [{ parentId: 2, nextId: null, node: element(15, "input", { autocomplete: "cc-number", value: "4111111111111111" }) }],
        attributes: [
          { id: 10, attributes: { value: "jane@example.com" } },
          { id: 11, attributes: { value: "hunter2", class: "shown" } },
          { id: 14, attributes: { value: "4" } },
        ],
        texts: [{ id: 20, value: "page text stays" }],
        removes: [],
      },
    };
    maskFieldValues(mutation, { getNode: nodeOf }, maskValue);
    expect(mutation.data.adds[0]?.node.attributes.value).toBe("");
    expect(mutation.data.attributes).toEqual([
      { id: 10, attributes: { value: "****************" } },
      { id: 11, attributes: { value: "", class: "shown" } },
      { id: 14, attributes: { value: "4" } },
    ]);
    expect(mutation.data.texts).toEqual([{ id: 20, value: "page text stays" }]);
  });

  it("MS-1.5 MS-1.6 MS-2.4 masks input events by the field they belong to", () => {
    const inputEvent = (id: number, text: string) => ({ type: 3, data: { source: 5, id, text, isChecked: false } });
    const events = [inputEvent(10, "jane@"), inputEvent(11, "hunter2"), inputEvent(12, "red shoes"), inputEvent(13, "C:\\fakepath\\a.pdf"), inputEvent(99, "x")];
    for (const event of events) maskFieldValues(event, { getNode: nodeOf }, maskValue);
    expect(events.map((event) => event.data.text)).toEqual(["*****", "", "red shoes", "*****************", ""]);
  });

  it("leaves events without field values alone", () => {
    const mouseMove = { type: 3, data: { source: 1, positions: [{ x: 1, y: 2, id: 10, timeOffset: 0 }] } };
    const copy = structuredClone(mouseMove);
    maskFieldValues(mouseMove, { getNode: nodeOf }, maskValue);
    expect(mouseMove).toEqual(copy);
  });
});
