import { describe, expect, it } from "vitest";
import { passesLuhn } from "./luhn.js";

describe("passesLuhn", () => {
  it.each(["4111111111111111", "5555555555554444", "378282246310005", "6011111111111117", "79927398713", "0"])(
    "MS-1.7 accepts the valid check digit of %s",
    (digits) => expect(passesLuhn(digits)).toBe(true),
  );

  it.each(["4111111111111112", "5555555555554440", "378282246310006", "79927398710", "", "4111 1111 1111 1111", "41111111111111a1"])(
    "MS-1.7 rejects %j",
    (digits) => expect(passesLuhn(digits)).toBe(false),
  );

  // "X" counts as 40 if read as a digit, so only the pattern's anchors refuse these.
  it.each(["x4111111111111111", "4111111111111111x", "X00", "0X"])("MS-1.7 refuses %s, which holds a character that is not a digit", (digits) => {
    expect(passesLuhn(digits)).toBe(false);
  });
});
