import { mouseStatsPolicyV1 } from "@mousetrail/policies/mousestats/v1";
import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";
import { describe, expect, it } from "vitest";
import { createFieldMasking, isNeverCaptureElement } from "./fieldMasking.js";
import { FakeElement, isValidTestSelector } from "./testing/fakeElement.js";

type Masking = RecorderConfig["policy"]["masking"];

const neverCapture = {
  inputTypes: [...mouseStatsPolicyV1.inputMasking.neverCapture.inputTypes],
  autocompleteTokens: [...mouseStatsPolicyV1.inputMasking.neverCapture.autocompleteTokens],
  autocompleteTokenPrefixes: [...mouseStatsPolicyV1.inputMasking.neverCapture.autocompleteTokenPrefixes],
};
const masking = (overrides: Partial<Masking> = {}): Masking => ({
  maskCharacter: "*",
  textMasking: "inputs-only",
  nonSensitiveSelectors: ["#search", "[name=quantity]"],
  maskedSelectors: [".private"],
  blockedSelectors: [],
  neverCapture,
  ...overrides,
});
const input = (attributes: Record<string, string>, parent: FakeElement | null = null) => new FakeElement("input", attributes, parent);

describe("isNeverCaptureElement", () => {
  it.each([
    { field: "a password input", element: input({ type: "password" }), never: true },
    { field: "a password input spelt in capitals", element: input({ type: "PASSWORD" }), never: true },
    { field: "a revealed password (rrweb's marker)", element: input({ type: "text", "data-rr-is-password": "true" }), never: true },
    { field: "autocomplete=current-password", element: input({ autocomplete: "current-password" }), never: true },
    { field: "autocomplete=new-password", element: input({ autocomplete: "new-password" }), never: true },
    { field: "autocomplete=one-time-code", element: input({ autocomplete: "one-time-code" }), never: true },
    { field: "autocomplete=cc-number", element: input({ autocomplete: "cc-number" }), never: true },
    { field: "a card field with section and billing tokens", element: input({ autocomplete: "section-pay billing CC-CSC" }), never: true },
    { field: "a textarea with a card token", element: new FakeElement("textarea", { autocomplete: "cc-name" }), never: true },
    { field: "an e-mail field", element: input({ type: "email", autocomplete: "email" }), never: false },
    { field: "a token merely containing cc", element: input({ autocomplete: "xcc-number" }), never: false },
    { field: "autocomplete=off", element: input({ autocomplete: "off" }), never: false },
    { field: "a button of type password", element: new FakeElement("button", { type: "password" }), never: false },
  ])("MS-2.4 $field → $never", ({ element, never }) => {
    expect(isNeverCaptureElement(element, neverCapture)).toBe(never);
  });
});

describe("createFieldMasking: maskValue", () => {
  // Built in each call, so that the masking is created while a test runs (mutation testing
  // attributes the code a test runs to that test; a describe block's code belongs to none).
  const maskValue = (value: string, element: Element | null) => createFieldMasking(masking(), isValidTestSelector).maskValue(value, element);

  it("MS-1.5 replaces every entered character with the mask, one for one, whitespace and emoji included", () => {
    expect(maskValue("jane@example.com", input({ type: "email", id: "email" }).asElement)).toBe("****************");
    expect(maskValue("two words\n😀", new FakeElement("textarea").asElement)).toBe("***********");
    expect(maskValue("C:\\fakepath\\passport.pdf", input({ type: "file" }).asElement)).toBe("************************");
    expect(maskValue("csrf-token", input({ type: "hidden" }).asElement)).toBe("**********");
  });

  it("MS-1.5 masks a choice (select, radio button, checkbox, a masked select's options) to a fixed length", () => {
    const select = new FakeElement("select", { id: "country" });
    for (const chosen of ["", "DE", "United Kingdom of Great Britain"]) {
      expect(maskValue(chosen, select.asElement)).toBe("********");
      expect(maskValue(chosen, new FakeElement("option", { value: chosen }, select).asElement)).toBe("********");
    }
    expect(maskValue("yes", input({ type: "checkbox" }).asElement)).toBe("********");
    expect(maskValue("XXL", input({ type: "radio" }).asElement)).toBe("********");
    // A non-sensitive select keeps its choice and its options; a datalist's options are page text.
    const kept = new FakeElement("select", { name: "quantity" });
    expect(maskValue("3", kept.asElement)).toBe("3");
    expect(maskValue("3", new FakeElement("option", {}, kept).asElement)).toBe("3");
    expect(maskValue("Berlin", new FakeElement("option", {}, new FakeElement("datalist")).asElement)).toBe("Berlin");
  });

  it("MS-1.5 uses the policy's mask character", () => {
    const { maskValue: maskWithX } = createFieldMasking(masking({ maskCharacter: "x" }), isValidTestSelector);
    expect(maskWithX("abc", input({}).asElement)).toBe("xxx");
  });

  it("MS-1.6 keeps what is typed in fields the tenant marked non-sensitive", () => {
    expect(maskValue("red shoes", input({ type: "search", id: "search" }).asElement)).toBe("red shoes");
    expect(maskValue("3", input({ type: "number", name: "quantity" }).asElement)).toBe("3");
  });

  it("MS-1.6 masks a non-sensitive field inside an element a masked selector names", () => {
    const privateForm = new FakeElement("form", { class: "private" });
    expect(maskValue("3", input({ name: "quantity" }, privateForm).asElement)).toBe("*");
  });

  it("MS-2.4 removes never-capture values entirely, even in a field marked non-sensitive", () => {
    const { maskValue: lenient } = createFieldMasking(masking({ nonSensitiveSelectors: ["#pin", "[autocomplete=cc-number]"] }), isValidTestSelector);
    expect(lenient("hunter2", input({ type: "password", id: "pin" }).asElement)).toBe("");
    expect(lenient("4111111111111111", input({ autocomplete: "cc-number" }).asElement)).toBe("");
  });

  it("MS-1.5 masks every field when the tenant marked none non-sensitive", () => {
    const { maskValue: strict } = createFieldMasking(masking({ nonSensitiveSelectors: [] }), isValidTestSelector);
    expect(strict("red shoes", input({ type: "search", id: "search" }).asElement)).toBe("*********");
    expect(strict("3", new FakeElement("select", { name: "quantity" }).asElement)).toBe("********");
  });

  it("MS-1.5 treats only option elements as a select's options", () => {
    const select = new FakeElement("select", { id: "country" });
    for (const tag of ["option-card", "x-option"]) expect(maskValue("DE", new FakeElement(tag, {}, select).asElement)).toBe("DE");
  });

  it("keeps values that are the page's own (button labels) and drops values of nodes it cannot see", () => {
    expect(maskValue("Pay now", input({ type: "submit" }).asElement)).toBe("Pay now");
    expect(maskValue("3", new FakeElement("li").asElement)).toBe("3");
    expect(maskValue("anything", null)).toBe("");
  });

  it("is idempotent, so the recorder's second pass changes nothing", () => {
    for (const [value, element] of [
      ["jane@example.com", input({ type: "email" })],
      ["red shoes", input({ id: "search" })],
      ["hunter2", input({ type: "password" })],
      ["DE", new FakeElement("select")],
    ] as const) {
      const once = maskValue(value, element.asElement);
      expect(maskValue(once, element.asElement)).toBe(once);
    }
  });
});

describe("createFieldMasking: rrweb selectors", () => {
  it("MS-1.5 masks typed text in textareas and contenteditable regions, and all text under all-text", () => {
    expect(createFieldMasking(masking(), isValidTestSelector).maskTextSelector).toBe(
      '.private,textarea,[contenteditable]:not([contenteditable="false" i]),select',
    );
    expect(createFieldMasking(masking({ textMasking: "all-text" }), isValidTestSelector).maskTextSelector).toBe("*");
    expect(createFieldMasking(masking({ maskedSelectors: [".private", "#card"] }), isValidTestSelector).maskTextSelector).toBe(
      '.private,#card,textarea,[contenteditable]:not([contenteditable="false" i]),select',
    );
    expect(createFieldMasking(masking({ maskedSelectors: [] }), isValidTestSelector).maskTextSelector).toBe(
      'textarea,[contenteditable]:not([contenteditable="false" i]),select',
    );
  });

  it("passes the tenant's blocked selectors to rrweb", () => {
    expect(createFieldMasking(masking(), isValidTestSelector).blockSelector).toBeUndefined();
    expect(createFieldMasking(masking({ blockedSelectors: ["#chat", ".ad"] }), isValidTestSelector).blockSelector).toBe("#chat,.ad");
  });

  it("fails closed on selectors the browser cannot apply", () => {
    const broken = createFieldMasking(
      masking({ nonSensitiveSelectors: ["#search", "input:focus"], maskedSelectors: [".private", "div > p"] }),
      isValidTestSelector,
    );
    // The unusable non-sensitive selector is ignored; the usable one still applies.
    expect(broken.maskValue("red", input({ id: "search" }).asElement)).toBe("red");
    // A masked selector that cannot be applied masks all page text instead.
    expect(broken.maskTextSelector).toBe("*");
    // So does a blocked selector that cannot be applied; the usable ones are still blocked.
    const brokenBlock = createFieldMasking(masking({ blockedSelectors: [".chat", "div > p"] }), isValidTestSelector);
    expect(brokenBlock.maskTextSelector).toBe("*");
    expect(brokenBlock.blockSelector).toBe(".chat");
    const unknownLevel = masking({ textMasking: "some" as Masking["textMasking"] });
    expect(createFieldMasking(unknownLevel, isValidTestSelector).maskTextSelector).toBe("*");
  });
});
