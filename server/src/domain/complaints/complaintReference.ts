import { randomInt } from "node:crypto";

// Crockford's base 32: no I, L, O or U, so a reference read out over the phone is unambiguous.
const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** `C-7K2F-93QD`: what the complainant quotes when they write again. Random, so it reveals no count. */
export function newComplaintReference(): string {
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `C-${part()}-${part()}`;
}
