import { describe, expect, it } from "vitest";
import { maskEnteredText, maskPageText } from "./maskText.js";

/** The rules as regular expressions: what the written-out versions must equal. */
const pageTextReference = (text: string, mask: string) => text.replace(/\S/gu, mask);
const enteredTextReference = (text: string, mask: string) => text.replace(/[\s\S]/gu, mask);

const cases: [string, string][] = [
  ["empty", ""],
  ["a word", "Jane"],
  ["words and spaces around", "  Jane Doe  "],
  ["every kind of white space", "a\tb\nc\u000bd\fe\rf g\u00a0h\u1680i\u2000j\u200ak\u2028l\u2029m\u202fn\u205fo\u3000p\ufeffq"],
  ["only white space", " \n\t\u3000"],
  ["astral characters, one mask each", "hi 😀 wörld 𝔘"],
  ["a lone high surrogate, then a space", "a\ud83d b"],
  ["a lone low surrogate", "\ude00x"],
  ["a high surrogate at the end", "ab\ud83d"],
  ["digits and punctuation", "IBAN: DE89 3704 0044 0532 0130 00."],
];

describe("maskPageText and maskEnteredText (MS-1.5)", () => {
  it.each(cases)("MS-1.5 masks %s exactly as the regular expressions do", (_, text) => {
    for (const mask of ["*", "•"]) {
      expect(maskPageText(text, mask)).toBe(pageTextReference(text, mask));
      expect(maskEnteredText(text, mask)).toBe(enteredTextReference(text, mask));
    }
  });

  it("MS-1.5 agrees with the regular expressions on random text drawn from tricky code units", () => {
    const units = [0x20, 0x09, 0x0a, 0xa0, 0x2028, 0x3000, 0xfeff, 0x41, 0x7a, 0x30, 0xe9, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0x1f];
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 2_000; round++) {
      const text = String.fromCharCode(...Array.from({ length: next() % 24 }, () => units[next() % units.length] as number));
      expect(maskPageText(text, "*")).toBe(pageTextReference(text, "*"));
      expect(maskEnteredText(text, "*")).toBe(enteredTextReference(text, "*"));
    }
  });
});
