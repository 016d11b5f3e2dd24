/**
 * MS-1.2: "IP address (Saved as obfuscated and last part is removed)". An IPv4 address keeps its
 * first 24 bits (the last octet is zeroed), an IPv6 address its first 48 bits (the routing prefix
 * of a site; the subnet and interface identifier go). IPv4-mapped IPv6 addresses
 * (`::ffff:203.0.113.77`), which dual-stack servers report for IPv4 clients, are truncated as the
 * IPv4 address they are. Anything that is not a well-formed address gives null and never throws,
 * so a caller can store `null` rather than the raw value.
 *
 * Callers may keep fewer bits than the clause allows, never more: larger values are clamped.
 */
export interface IpKeptBits {
  readonly ipv4KeptBits: number;
  readonly ipv6KeptBits: number;
}

export const maximumIpKeptBits: IpKeptBits = { ipv4KeptBits: 24, ipv6KeptBits: 48 };

export function truncateIp(ip: string, keptBits: IpKeptBits = maximumIpKeptBits): string | null {
  if (typeof ip !== "string" || ip.length > 64) return null;
  const address = ip.trim();
  const ipv4Bits = clampBits(keptBits.ipv4KeptBits, maximumIpKeptBits.ipv4KeptBits);
  const ipv6Bits = clampBits(keptBits.ipv6KeptBits, maximumIpKeptBits.ipv6KeptBits);

  const ipv4 = parseIpv4(address);
  if (ipv4) return formatIpv4(keepBits(ipv4, 8, ipv4Bits));

  const groups = parseIpv6(address);
  if (!groups) return null;
  if (isIpv4Mapped(groups)) {
    const [high = 0, low = 0] = groups.slice(6);
    const octets = [high >> 8, high & 0xff, low >> 8, low & 0xff];
    return formatIpv4(keepBits(octets, 8, ipv4Bits));
  }
  return formatIpv6(keepBits(groups, 16, ipv6Bits));
}

function clampBits(requested: number, maximum: number): number {
  return Number.isInteger(requested) ? Math.max(0, Math.min(requested, maximum)) : maximum;
}

/** Zeroes every bit after the first `bits` of a big-endian sequence of `width`-bit parts. */
function keepBits(parts: readonly number[], width: number, bits: number): number[] {
  return parts.map((part, index) => {
    const keptInPart = Math.max(0, Math.min(width, bits - index * width));
    // Stryker disable next-line ConditionalExpression: with no bit kept the general formula also gives 0 (x ^ x); the test only says so plainly.
    const mask = keptInPart === 0 ? 0 : ((1 << width) - 1) ^ ((1 << (width - keptInPart)) - 1);
    return part & mask;
  });
}

/** Dotted-quad decimal only; leading zeros are refused because some parsers read them as octal. */
function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(?:0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    octets.push(octet);
  }
  return octets;
}

function formatIpv4(octets: readonly number[]): string {
  return octets.join(".");
}

/** Parses an IPv6 address into eight 16-bit groups; a zone (`%eth0`) is accepted and discarded. */
function parseIpv6(text: string): number[] | null {
  const zoneStart = text.indexOf("%");
  const withoutZone = zoneStart === -1 ? text : text.slice(0, zoneStart);
  // Stryker disable next-line Regex: the tested text is sliced at the "%", so the "^" anchor cannot change a match.
  if (zoneStart !== -1 && !/^%[A-Za-z0-9_.-]{1,32}$/.test(text.slice(zoneStart))) return null;
  // An early refusal only: parseGroups checks every part against a pattern as strict, so its mutants change no result.
  // Stryker disable next-line ConditionalExpression,Regex
  if (!/^[0-9A-Fa-f:.]+$/.test(withoutZone)) return null;

  const halves = withoutZone.split("::");
  if (halves.length > 2) return null;
  // split() always returns a first part, and the tail is read only when there are two halves, so
  // the fallbacks below are unreachable and their mutants equivalent.
  // Stryker disable next-line StringLiteral
  const head = parseGroups(halves[0] ?? "", halves.length === 1);
  // Stryker disable next-line ConditionalExpression,StringLiteral,ArrayDeclaration
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? "", true) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  // "::" stands for at least one zero group.
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** Colon-separated hex groups; the last may be an embedded dotted IPv4 address when allowed. */
function parseGroups(text: string, mayEndWithIpv4: boolean): number[] | null {
  if (text === "") return [];
  const parts = text.split(":");
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && mayEndWithIpv4 && part.includes(".")) {
      const octets = parseIpv4(part);
      if (!octets) return null;
      const [a = 0, b = 0, c = 0, d = 0] = octets;
      groups.push((a << 8) | b, (c << 8) | d);
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function isIpv4Mapped(groups: readonly number[]): boolean {
  return groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
}

/**
 * RFC 5952 text form: lower-case, no leading zeros, the longest run of two or more zero groups as "::".
 * It is only given truncated addresses, whose last five groups at least are zero, so the longest
 * run is always the last one and reaches the end: the mutants disabled below (which run wins, the
 * short-run case, the text after the run) cannot change an output.
 */
function formatIpv6(groups: readonly number[]): string {
  // Stryker disable next-line UnaryOperator: bestStart is always overwritten, since a run of five or more zeros exists.
  let bestStart = -1;
  let bestLength = 0;
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, a run of length 0.
  for (let start = 0; start < groups.length; start++) {
    let length = 0;
    while (groups[start + length] === 0) length++;
    // Stryker disable next-line ConditionalExpression,EqualityOperator
    if (length > bestLength) {
      bestStart = start;
      bestLength = length;
    }
    start += length;
  }
  const hex = groups.map((group) => group.toString(16));
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral
  if (bestLength < 2) return hex.join(":");
  // Stryker disable next-line StringLiteral: nothing follows the run, see above.
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}
