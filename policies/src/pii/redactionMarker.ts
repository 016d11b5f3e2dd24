import type { PiiKind } from "./piiKind.js";

/** What replaces a piece of PII in stored text (MS-1.7, MS-1.13): the kind is kept, the value never. */
export function redactionMarker(kind: PiiKind): string {
  return `[redacted:${kind}]`;
}

export type MarkedTextPart = { text: string } | { redacted: PiiKind };

const kindNames: readonly string[] = ["email", "iban", "payment-card", "us-ssn", "uk-nino", "phone"] satisfies readonly PiiKind[];
const markerPattern = /\[redacted:([a-z-]+)\]/g;

/**
 * Stored text cut at its redaction markers, so a reader (the console) can mark what was removed
 * without knowing the marker's spelling. Text that only looks like a marker of an unknown kind
 * stays text. Pure and dependency-free: no detector or schema comes with it.
 */
export function splitAtRedactionMarkers(stored: string): MarkedTextPart[] {
  const parts: MarkedTextPart[] = [];
  let copiedUpTo = 0;
  for (const match of stored.matchAll(markerPattern)) {
    const kind = match[1] as string;
    if (!kindNames.includes(kind)) continue;
    if (match.index > copiedUpTo) parts.push({ text: stored.slice(copiedUpTo, match.index) });
    parts.push({ redacted: kind as PiiKind });
    copiedUpTo = match.index + match[0].length;
  }
  if (copiedUpTo < stored.length) parts.push({ text: stored.slice(copiedUpTo) });
  return parts;
}
