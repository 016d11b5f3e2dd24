import { randomBytes } from "node:crypto";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

/** Random identifiers with a type prefix (`site_4k2…`), so a pasted id says what it is. */
export const idPrefixes = {
  user: "usr",
  tenant: "tnt",
  membership: "mem",
  site: "site",
  apiKey: "key",
  audit: "aud",
  invitation: "inv",
  purge: "prg",
  erasure: "ers",
  survey: "srv",
  complaint: "cmp",
  job: "job",
} as const;

export type IdKind = keyof typeof idPrefixes;

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${randomToken(20)}`;
}

/** `length` characters of base36 drawn without modulo bias from crypto randomness. */
export function randomToken(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      // 252 is the largest multiple of 36 below 256: rejecting the rest keeps it uniform.
      if (byte < 252 && out.length < length) out += alphabet[byte % 36];
    }
  }
  return out;
}

export function idPattern(kind: IdKind): RegExp {
  return new RegExp(`^${idPrefixes[kind]}_[0-9a-z]{20}$`);
}
