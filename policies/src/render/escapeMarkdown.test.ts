import { describe, expect, it } from "vitest";
import { escapeMarkdown, markdownCodeSpan } from "./escapeMarkdown.js";

describe("escapeMarkdown", () => {
  it("MS-5.1 escapes every character that could start emphasis, a link, raw HTML, a heading, an entity or a table cell", () => {
    expect(escapeMarkdown("\\ ` * _ [ ] < > | # &")).toBe("\\\\ \\` \\* \\_ \\[ \\] \\< \\> \\| \\# \\&");
  });

  it("MS-5.1 turns every line break, Windows or Unix, into one space so a name cannot start a block", () => {
    expect(escapeMarkdown("Shop\r\n# Heading\n- item")).toBe("Shop \\# Heading - item");
  });
});

describe("markdownCodeSpan", () => {
  it.each([
    ["plain", "#site-search", "`#site-search`"],
    ["a backtick inside", "a`b", "``a`b``"],
    ["the longest run of backticks", "a``b`c", "```a``b`c```"],
    ["a backtick at the start", "`start", "`` `start ``"],
    ["a backtick at the end", "end`", "`` end` ``"],
    ["line breaks", "a\r\nb\nc", "`a b c`"],
  ])("MS-5.1 fences %s so the code span holds the text literally", (_description, text, span) => {
    expect(markdownCodeSpan(text)).toBe(span);
  });
});
