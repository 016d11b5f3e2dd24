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
});
