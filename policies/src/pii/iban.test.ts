import { describe, expect, it } from "vitest";
import { isValidIban } from "./iban.js";

describe("isValidIban", () => {
  it.each(["DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300", "BE68539007547034", "NO9386011117947"])(
    "MS-1.7 accepts %s",
    (iban) => expect(isValidIban(iban)).toBe(true),
  );

  it.each([
    ["a wrong check", "DE89370400440532013001"],
    ["swapped digits", "GB82WEST12345698765423"],
    ["a country without IBANs", "XX89370400440532013000"],
    ["the wrong length for the country", "DE8937040044053201300"],
    ["lower case", "de89370400440532013000"],
    ["letters in the check digits", "DEAB370400440532013000"],
    ["nothing", ""],
  ])("MS-1.7 rejects %s", (_reason, iban) => expect(isValidIban(iban)).toBe(false));

  it.each(["XDE89370400440532013000", "DE89370400440532013000!", "DE8X370400440532013000", "DE893704004405320130"])("MS-1.7 refuses %s, which is not an IBAN's shape or length", (iban) => {
    expect(isValidIban(iban)).toBe(false);
  });

  // The mod-97 check alone accepts these: only the shape and length rules refuse them.
  it.each([
    ["a letter in the check digits", completedToValidChecksum("DE8A", 22)],
    ["a lower-case letter in the account part", completedToValidChecksum("DE00370400440532013a", 22)],
    ["a start that is not a country code and check digits, with one further on", completedToValidChecksum("DE8aAB12", 22)],
    ["one character fewer than its country's IBANs", completedToValidChecksum("DE00", 21)],
    ["one character more than its country's IBANs", completedToValidChecksum("DE00", 23)],
  ])("MS-1.7 refuses %s even with a valid check", (_reason, candidate) => {
    expect(candidate).not.toBe("");
    expect(isValidIban(candidate)).toBe(false);
  });
});

/**
 * `start` padded with digits to `length` characters, the last two chosen so that the mod-97
 * check of ISO 7064 passes when every letter is read as its character code minus 55.
 */
function completedToValidChecksum(start: string, length: number): string {
  const padded = start.padEnd(length - 2, "7");
  for (let last = 0; last < 100; last++) {
    const candidate = padded + String(last).padStart(2, "0");
    const rearranged = candidate.slice(4) + candidate.slice(0, 4);
    const numeric = [...rearranged].map((character) => (/[0-9]/.test(character) ? character : String(character.charCodeAt(0) - 55))).join("");
    if (BigInt(numeric) % 97n === 1n) return candidate;
  }
  return "";
}
