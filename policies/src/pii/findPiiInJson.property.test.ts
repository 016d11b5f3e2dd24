import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { propertyRuns } from "../../testing/propertyRuns.js";
import { recordingArbitrary } from "../../testing/recordingArbitraries.js";
import { findPiiInJson, type JsonPath } from "./findPiiInJson.js";
import type { PiiKind } from "./piiKind.js";

const plantedSamples: readonly [PiiKind, string][] = [
  ["email", "jane.doe@example.com"],
  ["phone", "+44 20 7946 0958"],
  ["phone", "(415) 555-2671"],
  ["payment-card", "4111 1111 1111 1111"],
  ["payment-card", "5555555555554444"],
  ["iban", "DE89 3704 0044 0532 0130 00"],
  ["us-ssn", "123-45-6789"],
  ["uk-nino", "AB 12 34 56 C"],
];

/** Paths of every string value in a JSON value. */
function stringPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((child, index) => stringPaths(child, [...path, index]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => stringPaths(child, [...path, key]));
  }
  return [];
}

function setAt(root: unknown, path: JsonPath, replacement: string): void {
  let holder = root as Record<string | number, unknown>;
  path.slice(0, -1).forEach((segment) => (holder = holder[segment] as Record<string | number, unknown>));
  holder[path.at(-1)!] = replacement;
}

describe("findPiiInJson (properties)", () => {
  it("MS-1.7 finds PII planted in any string of a generated rrweb recording, at the path it was planted", () => {
    fc.assert(
      fc.property(
        recordingArbitrary,
        fc.nat(),
        fc.constantFrom(...plantedSamples),
        fc.constantFrom("", "note: ", "(", "x "),
        ({ events }, position, [kind, sample], prefix) => {
          const planted = structuredClone(events);
          const paths = stringPaths(planted);
          const path = paths[position % paths.length]!;
          setAt(planted, path, `${prefix}${sample} `);
          const findings = findPiiInJson(planted);
          expect(findings).toContainEqual({ kind, path, inKey: false, offset: prefix.length, length: sample.length });
        },
      ),
      { numRuns: propertyRuns(300) },
    );
  });

  it("MS-1.7 finds nothing in generated recordings that hold no PII", () => {
    fc.assert(
      fc.property(recordingArbitrary, ({ events }) => {
        expect(findPiiInJson(events)).toEqual([]);
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
