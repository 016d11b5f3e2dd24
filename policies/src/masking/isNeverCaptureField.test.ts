import { describe, expect, it } from "vitest";
import { mouseStatsPolicyV1 } from "../mousestats/v1.js";
import { isNeverCaptureField, type FieldFacts } from "./isNeverCaptureField.js";

const neverCapture = mouseStatsPolicyV1.inputMasking.neverCapture;
const field = (facts: Partial<FieldFacts>): FieldFacts => ({ tagName: "input", type: "text", autocomplete: "", revealedPassword: false, ...facts });

describe("isNeverCaptureField", () => {
  it.each([
    { name: "a password input", facts: { type: "password" }, never: true },
    { name: "a password input in capitals", facts: { tagName: "INPUT", type: "PASSWORD" }, never: true },
    { name: "a revealed password", facts: { revealedPassword: true }, never: true },
    { name: "autocomplete=current-password", facts: { autocomplete: "current-password" }, never: true },
    { name: "autocomplete=one-time-code", facts: { autocomplete: "one-time-code" }, never: true },
    { name: "a card token among others", facts: { autocomplete: "section-pay billing CC-Number" }, never: true },
    { name: "a textarea with a card token", facts: { tagName: "textarea", type: "textarea", autocomplete: "cc-name" }, never: true },
    { name: "an e-mail field", facts: { type: "email", autocomplete: "email" }, never: false },
    { name: "a token merely containing cc", facts: { autocomplete: "xcc-number" }, never: false },
    { name: "a button of type password", facts: { tagName: "button", type: "password" }, never: false },
    { name: "blank autocomplete", facts: { autocomplete: "  " }, never: false },
  ])("MS-2.4 $name → $never", ({ facts, never }) => {
    expect(isNeverCaptureField(field(facts), neverCapture)).toBe(never);
  });

  it("MS-2.4 matches any one of several listed input types and token prefixes, not only when all match", () => {
    const rules = { ...neverCapture, inputTypes: ["password", "pin"], autocompleteTokens: [], autocompleteTokenPrefixes: ["cc-", "secret-"] };
    expect(isNeverCaptureField(field({ type: "pin" }), rules)).toBe(true);
    expect(isNeverCaptureField(field({ autocomplete: "secret-answer" }), rules)).toBe(true);
    expect(isNeverCaptureField(field({ autocomplete: "email" }), rules)).toBe(false);
  });
});
