import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncateIp } from "./truncateIp.js";

/** The eight 16-bit groups of an IPv6 address, as the WHATWG URL parser (an independent oracle) reads it. */
function groupsOf(ip: string): number[] {
  const canonical = new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  const [head = "", tail] = canonical.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  return [...headGroups, ...Array.from({ length: zeros }, () => "0"), ...tailGroups].map((group) => parseInt(group, 16));
}

describe("truncateIp", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.0"],
    ["10.1.2.3", "10.1.2.0"],
    [" 198.51.100.9 ", "198.51.100.0"],
    [`${" ".repeat(57)}1.2.3.4`, "1.2.3.0"],
  ])("MS-1.2 zeroes the last IPv4 octet: %j -> %s", (input, expected) => {
    expect(truncateIp(input)).toBe(expected);
  });

  it.each([
    ["2001:db8:abcd:12::1", "2001:db8:abcd::"],
    ["2001:0DB8:ABCD:0012:0000:0000:0000:0001", "2001:db8:abcd::"],
    ["2001:db8:abcd:ffff:ffff:ffff:ffff:ffff", "2001:db8:abcd::"],
    ["2001:db8::", "2001:db8::"],
    ["::", "::"],
    ["::1", "::"],
    ["fe80::1%eth0", "fe80::"],
    ["2001:db8:1:2:3:4:1.2.3.4", "2001:db8:1::"],
    ["1:0:0:2::", "1::"],
  ])("MS-1.2 keeps only the /48 of an IPv6 address: %s -> %s", (input, expected) => {
    expect(truncateIp(input)).toBe(expected);
  });

  it.each([
    ["::ffff:203.0.113.77", "203.0.113.0"],
    ["::FFFF:198.51.100.200", "198.51.100.0"],
    ["::ffff:cb00:714d", "203.0.113.0"],
    ["0:0:0:0:0:ffff:203.0.113.77", "203.0.113.0"],
  ])("MS-1.2 truncates an IPv4-mapped IPv6 address as IPv4: %s -> %s", (input, expected) => {
    expect(truncateIp(input)).toBe(expected);
  });

  it.each([
    // Only a zero prefix before ffff makes an address IPv4-mapped; any other non-zero group makes
    // it a plain IPv6 address whose interface-ID bits must go with the /48 truncation.
    ["2001:db8:0:1:2:ffff:1234:5678", "2001:db8::"],
    ["0:0:0:0:1:ffff:1234:5678", "::"],
    ["1::ffff:1234:5678", "1::"],
  ])("MS-1.2 truncates an address that only looks IPv4-mapped as IPv6: %s -> %s", (input, expected) => {
    expect(truncateIp(input)).toBe(expected);
  });

  it.each([
    "",
    "localhost",
    "203.0.113",
    "203.0.113.256",
    "203.0.113.077",
    "203.0.113.7.1",
    "203.0.113.-1",
    "203.0.113.7:8080",
    "1.2.3.4/24",
    "2001:db8::1::2",
    "2001:db8:abcd:12:1:2:3:4:5",
    "12345::1",
    "2001:db8:g::1",
    "[2001:db8::1]",
    ":::",
    "1:2:3:4:5:6:7",
    "::ffff:203.0.113.256",
    "1.2.3.4::",
    "fe80::1%",
    "fe80::1%eth0!",
    `fe80::1%${"a".repeat(33)}`,
    "1:2:3:4::5:6:7:8",
    "1:2:3:4:5::6:7:8:9",
    "1:2:3:4:5:1.2.3.4:8",
    `${" ".repeat(58)}1.2.3.4`,
    "x".repeat(1000),
  ])("MS-1.2 gives null for malformed input %j", (input) => {
    expect(truncateIp(input)).toBeNull();
  });

  it("MS-1.2 never returns the raw value of an IPv4 address whose last octet is not zero", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const truncated = truncateIp(ip);
        expect(truncated?.split(".").slice(0, 3)).toEqual(ip.split(".").slice(0, 3));
        expect(truncated?.endsWith(".0")).toBe(true);
      }),
    );
  });

  it("MS-1.2 keeps exactly the first 48 bits of any IPv6 address, checked against the URL parser", () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const groups = groupsOf(ip);
        const truncated = truncateIp(ip);
        const isMapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
        if (isMapped) {
          const [high = 0, low = 0] = groups.slice(6);
          expect(truncated).toBe(`${high >> 8}.${high & 0xff}.${low >> 8}.0`);
        } else {
          expect(groupsOf(truncated!)).toEqual([...groups.slice(0, 3), 0, 0, 0, 0, 0]);
        }
      }),
    );
  });

  it("MS-1.2 keeps fewer bits when asked, and never more than the clause allows", () => {
    expect(truncateIp("203.0.113.77", { ipv4KeptBits: 16, ipv6KeptBits: 32 })).toBe("203.0.0.0");
    expect(truncateIp("2001:db8:abcd:12::1", { ipv4KeptBits: 16, ipv6KeptBits: 32 })).toBe("2001:db8::");
    expect(truncateIp("203.0.113.77", { ipv4KeptBits: 32, ipv6KeptBits: 128 })).toBe("203.0.113.0");
    expect(truncateIp("2001:db8:abcd:12::1", { ipv4KeptBits: 32, ipv6KeptBits: 128 })).toBe("2001:db8:abcd::");
    expect(truncateIp("203.0.113.77", { ipv4KeptBits: 20, ipv6KeptBits: 44 })).toBe("203.0.112.0");
    expect(truncateIp("2001:db8:abcd:12::1", { ipv4KeptBits: 20, ipv6KeptBits: 44 })).toBe("2001:db8:abc0::");
  });

  it("MS-1.2 never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => truncateIp(value as string)).not.toThrow();
      }),
    );
  });
});
