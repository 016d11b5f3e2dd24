import type { TenantPrivacySettingsInput } from "../src/tenantSettings.js";

/**
 * The pages recorded with rrweb by scripts/recordFixtures.ts, and what the script types into
 * them. The recording runs with rrweb's own masking switched off, so the raw values below are in
 * the checked-in events and the server-side masker has to remove them.
 */
export const checkoutTyped = {
  search: "red shoes",
  email: "jane.doe@example.com",
  password: "Tr0ub4dor&3",
  passwordAfterReveal: "!x",
  cardNumber: "4111 1111 1111 1111",
  cardCsc: "737",
  notes: " - please call 020 7946 0958",
  country: "DE",
} as const;

export const checkoutScripted = {
  /** The greeting's text node is rewritten in place (a text mutation). */
  greeting: "Signed in as jane.doe@example.com",
  /** A field added after load with a value (a mutation add). */
  latePhone: "+44 20 7946 0958",
  /** The email field's value attribute set by script (an attribute mutation). */
  emailAttribute: "attr.jane@example.com",
} as const;

/** Values in the HTML itself, present in the full snapshot. */
export const checkoutInitial = {
  email: "prefilled.jane@example.com",
  hiddenCustomer: "customer-jane.doe@example.com",
  notes: "Leave at the door",
  loyalty: "123-45-6789",
  address: "221B Baker Street",
  greetingName: "Jane Doe",
} as const;

export const supportTyped = {
  quantity: "3",
  message: "My IBAN is DE89 3704 0044 0532 0130 00",
  shadowName: "Jane Shadow",
  frameEmail: "frame.jane@example.com",
} as const;

export const recordedPages = [
  { name: "checkout", url: "https://shop.example/checkout?email=jane.doe%40example.com&step=2#/payment" },
  { name: "support", url: "https://shop.example/support/jane.doe@example.com" },
] as const;

export type RecordedPageName = (typeof recordedPages)[number]["name"];

/** The tenant settings each recorded page is masked under in src/fixtures/<page>.masked.<case>.json. */
export const fixtureMaskingCases: Record<"defaults" | "tenant-choices", TenantPrivacySettingsInput> = {
  /** A tenant that changed nothing: the safest defaults (all page text masked). */
  defaults: {},
  /**
   * A tenant that relaxed what it may: page text kept, a search box and a quantity field
   * non-sensitive, and (wrongly) the password and card number fields too, which MS-2.4 overrides.
   */
  "tenant-choices": {
    textMasking: "inputs-only",
    nonSensitiveSelectors: ["#site-search", "[name=quantity]", "#password", "[autocomplete=cc-number]"],
    maskedSelectors: [".mt-mask"],
    blockedSelectors: [".mt-block"],
  },
};

export type FixtureMaskingCase = keyof typeof fixtureMaskingCases;
