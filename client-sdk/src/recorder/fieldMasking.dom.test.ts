// @vitest-environment happy-dom
import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";
import { beforeEach, describe, expect, it } from "vitest";
import { createFieldMasking, isValidSelector } from "./fieldMasking.js";

/**
 * rrweb's `maskTextFn` as the recorder builds it, on a DOM (happy-dom): rrweb calls it for the text
 * of every element `maskTextSelector` matches, and the decision depends on where the text stands
 * (an editable region, a select, a masked part of the page). The browser tests run the same code in
 * Chromium; these reach every branch quickly.
 */
type Masking = RecorderConfig["policy"]["masking"];
const { neverCapture } = mouseStatsPolicyV1.inputMasking;
const masking = (overrides: Partial<Masking> = {}): Masking => ({
  maskCharacter: "*",
  textMasking: "inputs-only",
  nonSensitiveSelectors: ["#search", "[name=quantity]", "#notes"],
  maskedSelectors: [".private"],
  blockedSelectors: [],
  neverCapture: {
    inputTypes: [...neverCapture.inputTypes],
    autocompleteTokens: [...neverCapture.autocompleteTokens],
    autocompleteTokenPrefixes: [...neverCapture.autocompleteTokenPrefixes],
  },
  ...overrides,
});
const maskText = (text: string, element: Element | null, overrides: Partial<Masking> = {}) =>
  createFieldMasking(masking(overrides), isValidSelector).maskText(text, element);
const byId = (id: string) => document.getElementById(id) as Element;

beforeEach(() => {
  document.body.innerHTML = `
    <p class="private" id="private">Jane Doe</p>
    <textarea id="message">dear jane</textarea>
    <textarea id="notes">leave at door</textarea>
    <div contenteditable id="editor"><b id="bold">secret plan</b></div>
    <div contenteditable id="outer"><div contenteditable id="notes-inner">nested</div></div>
    <div contenteditable="false" id="frozen">shown text</div>
    <select id="country"><option id="germany">Germany</option></select>
    <select name="quantity"><option id="three">3 items</option></select>`;
});

describe("createFieldMasking: maskText on a DOM", () => {
  it("MS-1.5 masks what is typed in a textarea or a contenteditable region, one mask per character", () => {
    expect(maskText("dear jane", byId("message"))).toBe("*********");
    expect(maskText("secret plan", byId("bold"))).toBe("***********");
  });

  it("MS-1.6 keeps what is typed in an editable region the tenant marked non-sensitive", () => {
    expect(maskText("leave at door", byId("notes"))).toBe("leave at door");
  });

  it("MS-1.6 lets the outermost editable region decide, so a non-sensitive region inside a sensitive one is masked", () => {
    byId("notes-inner").id = "notes";
    expect(maskText("nested", document.querySelector("#outer #notes"))).toBe("******");
  });

  it("MS-1.5 masks page text in a masked part of the page, keeping its whitespace", () => {
    expect(maskText("Jane Doe", byId("private"))).toBe("**** ***");
    expect(maskText("shown text", byId("frozen"))).toBe("***** ****");
  });

  it("MS-1.5 masks a select's option labels unless the select is non-sensitive, and always under all-text", () => {
    expect(maskText("Germany", byId("germany"))).toBe("*******");
    expect(maskText("3 items", byId("three"))).toBe("3 items");
    expect(maskText("3 items", byId("three"), { textMasking: "all-text" })).toBe("* *****");
  });

  it("MS-1.5 masks text whose element the recorder cannot see", () => {
    expect(maskText("Jane Doe", null)).toBe("**** ***");
  });
});

describe("createFieldMasking: maskValue on elements that are not form fields", () => {
  // maskFieldValues hands maskValue every `value` attribute it finds, a custom element's too; only
  // input, textarea and select hold what a visitor typed or chose, the rest is the page's own markup.
  it.each(["x-input", "input-list", "my-textarea", "select-menu"])("MS-1.5 keeps the value attribute of <%s>, whose name only contains a field's", (tagName) => {
    const element = document.createElement(tagName);
    element.setAttribute("value", "42");
    expect(createFieldMasking(masking(), isValidSelector).maskValue("42", element)).toBe("42");
  });
});

describe("isValidSelector", () => {
  it("MS-1.6 accepts a selector the browser can apply and refuses one it cannot parse", () => {
    expect(isValidSelector("#search, [name=quantity]")).toBe(true);
    expect(isValidSelector("[name=")).toBe(false);
    expect(isValidSelector("")).toBe(false);
  });
});
