import { describe, expect, it } from "vitest";
import { isSpecificSelector, parseSelectorList } from "./fieldSelector.js";

describe("parseSelectorList", () => {
  it.each([
    ["input", [{ tagName: "input", ids: [], classes: [], attributes: [] }]],
    ["*", [{ tagName: null, ids: [], classes: [], attributes: [] }]],
    ["#search", [{ tagName: null, ids: ["search"], classes: [], attributes: [] }]],
    [".newsletter-email", [{ tagName: null, ids: [], classes: ["newsletter-email"], attributes: [] }]],
    ["[data-public]", [{ tagName: null, ids: [], classes: [], attributes: [{ name: "data-public", value: null }] }]],
    ["[name=quantity]", [{ tagName: null, ids: [], classes: [], attributes: [{ name: "name", value: "quantity" }] }]],
    ['[ name = "promo code" ]', [{ tagName: null, ids: [], classes: [], attributes: [{ name: "name", value: "promo code" }] }]],
    ["[data-mt='public']", [{ tagName: null, ids: [], classes: [], attributes: [{ name: "data-mt", value: "public" }] }]],
    ["INPUT.search.big[Name=q]", [{ tagName: "input", ids: [], classes: ["search", "big"], attributes: [{ name: "name", value: "q" }] }]],
    ["my-widget#a", [{ tagName: "my-widget", ids: ["a"], classes: [], attributes: [] }]],
    [
      "#search , [name=quantity]",
      [
        { tagName: null, ids: ["search"], classes: [], attributes: [] },
        { tagName: null, ids: [], classes: [], attributes: [{ name: "name", value: "quantity" }] },
      ],
    ],
  ])("MS-1.6 parses the supported selector %j", (text, selectors) => {
    expect(parseSelectorList(text)).toEqual({ ok: true, selectors });
  });

  it.each([
    ["form input", /combinators/],
    ["form > input", /combinators/],
    ["label + input", /combinators/],
    ["h1 ~ p", /combinators/],
    ["input:not([type=password])", /pseudo-classes/],
    ["p::first-line", /pseudo-classes/],
    ["[name^=q]", /only \[attr\] and \[attr=value\]/],
    ["[class~=a]", /only \[attr\] and \[attr=value\]/],
    ["[name=q i]", /attribute flags/],
    ["[name=5]", /a name or a quoted string/],
    ["svg|rect", /namespaces/],
    ["#a\\:b", /backslash escapes/],
    ["#123", /must be followed by a name/],
    // A name must start the text after its marker: one found later in it is not taken.
    ["#1a", /must be followed by a name/],
    [".9lives", /must be followed by a name/],
    ["[1name]", /attribute name/],
    ["[name=5a]", /a name or a quoted string/],
    ['[name=5"x"]', /a name or a quoted string/],
    ["", /an empty selector/],
    ["#a,", /an empty selector/],
    ["[", /attribute name/],
    ["input)", /unexpected "\)"/],
  ])("MS-1.6 rejects %j with a message saying what is unsupported", (text, message) => {
    const result = parseSelectorList(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatch(message);
      expect(result.error).toContain(JSON.stringify(text));
    }
  });
});

describe("isSpecificSelector", () => {
  it.each([
    ["#search", true],
    [".qty", true],
    ["[name=quantity]", true],
    ["input[data-mt=public]", true],
    ["input", false],
    ["*", false],
    ["[data-public]", false],
    ["[type=text]", false],
    ["input[type=search]", false],
  ])("MS-1.6 %j names specific fields: %s", (text, specific) => {
    const result = parseSelectorList(text);
    expect(result.ok && result.selectors.every(isSpecificSelector)).toBe(specific);
  });
});
