import { detectPii } from "./detectPii.js";
import { piiKinds, type PiiKind } from "./piiKind.js";

/** A path into a JSON value: object keys and array indexes from the root. */
export type JsonPath = readonly (string | number)[];

/**
 * PII found inside a JSON value, such as a batch of rrweb events or a survey submission: the
 * kind, the path to the string that holds it, and the offset and length inside that string.
 * `inKey` is true when the PII is in an object key rather than a value. Never the value itself.
 */
export interface JsonPiiFinding {
  readonly kind: PiiKind;
  readonly path: JsonPath;
  readonly inKey: boolean;
  readonly offset: number;
  readonly length: number;
}

/**
 * Walks any JSON-like value (MS-1.7, MS-1.13) and reports every PII detection in its strings,
 * its object keys, and its integers of nine or more digits (a card number sent as a JSON number
 * is still a card number). The walk is iterative, so hostile nesting depth cannot overflow the
 * stack, and visits each object once, so shared or cyclic references cannot loop.
 */
export function findPiiInJson(value: unknown, kinds: readonly PiiKind[] = piiKinds): JsonPiiFinding[] {
  const findings: JsonPiiFinding[] = [];
  const visited = new Set<object>();
  // Paths are kept as links to the parent's path and only spelled out for a finding, so a deeply
  // nested value costs linear, not quadratic, time.
  const pending: { value: unknown; path: PathLink | null }[] = [{ value, path: null }];

  const scan = (text: string, path: PathLink | null, inKey: boolean) => {
    const detections = detectPii(text, kinds);
    // Stryker disable next-line ConditionalExpression: a shortcut only; with no detection the loop below adds nothing.
    if (detections.length === 0) return;
    // One path for all the findings of a string: a string dense with PII has hundreds of thousands.
    const spelled = spellOut(path);
    for (const detection of detections) findings.push({ ...detection, path: spelled, inKey });
  };

  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === "string") {
      scan(current, path, false);
      continue;
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: what this leaves out (short or unsafe numbers, booleans) has too few digits, or an exponent, for any detector, so reading it too finds nothing.
    if (typeof current === "number" && Number.isSafeInteger(current) && Math.abs(current) >= 100_000_000) {
      scan(String(current), path, false);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: a number or boolean let through has no entries, so it adds nothing.
    if (typeof current !== "object") continue;
    if (current === null || visited.has(current)) continue;
    visited.add(current);
    if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => pending.push({ value: item, path: { parent: path, segment: index } }));
    } else {
      for (const [key, child] of Object.entries(current)) {
        const childPath = { parent: path, segment: key };
        scan(key, childPath, true);
        pending.push({ value: child, path: childPath });
      }
    }
  }
  return findings;
}

interface PathLink {
  readonly parent: PathLink | null;
  readonly segment: string | number;
}

function spellOut(link: PathLink | null): JsonPath {
  const segments: (string | number)[] = [];
  for (let current = link; current !== null; current = current.parent) segments.push(current.segment);
  return segments.reverse();
}
