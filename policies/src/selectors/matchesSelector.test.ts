import { describe, expect, it } from "vitest";
import { parseSelectorList } from "./fieldSelector.js";
import { matchesAnySelector, type SelectableElement } from "./matchesSelector.js";

const searchBox: SelectableElement = {
  tagName: "input",
  attributes: { id: "site-search", class: "form-control  search", name: "q", type: "search", required: true, maxlength: 40 },
};

function matches(selector: string, element: SelectableElement = searchBox): boolean {
  const parsed = parseSelectorList(selector);
  if (!parsed.ok) throw new Error(parsed.error);
  return matchesAnySelector(element, parsed.selectors);
}

describe("matchesAnySelector", () => {
  it.each([
    ["input", true],
    ["INPUT", true],
    ["textarea", false],
    ["*", true],
    ["#site-search", true],
    ["#Site-Search", false],
    [".search", true],
    [".form-control.search", true],
    [".form", false],
    // MS-1.6: every class of a compound selector must be present, or `.search.public` would
    // unmask any `.public` field.
    [".search.public", false],
    [".public.search", false],
    ["[required]", true],
    // A boolean attribute's value is the empty string, as the DOM gives it.
    ["[required='']", true],
    ["[required=required]", false],
    ["*.search", true],
    ["*.public", false],
    ["[disabled]", false],
    ["[name=q]", true],
    ["[NAME=q]", true],
    ["[name=Q]", false],
    ["[maxlength='40']", true],
    ["input#site-search.search[name=q][type=search]", true],
    ["textarea#site-search", false],
    ["#other, .search", true],
    ["#other, .none", false],
  ])("MS-1.6 %j matches the search box: %s", (selector, expected) => {
    expect(matches(selector)).toBe(expected);
  });

  it("MS-1.6 matches attribute names whatever their case in the serialized node", () => {
    expect(matches("[data-public=yes]", { tagName: "INPUT", attributes: { "DATA-PUBLIC": "yes" } })).toBe(true);
  });

  it("MS-1.6 does not mistake inherited object properties for attributes", () => {
    expect(matches("[constructor]", { tagName: "input", attributes: {} })).toBe(false);
  });
});
