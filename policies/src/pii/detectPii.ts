import { ibanLength, isValidIban } from "./iban.js";
import { passesLuhn } from "./luhn.js";
import { piiKinds, type PiiKind } from "./piiKind.js";

/**
 * Where a piece of PII was found: its kind, and its offset and length in UTF-16 code units.
 * Detections never carry the value itself, so they can be logged and stored as violations
 * (MS-1.7, MS-1.13) without copying the PII they report.
 */
export interface PiiDetection {
  readonly kind: PiiKind;
  readonly offset: number;
  readonly length: number;
}

interface Span {
  offset: number;
  length: number;
}

/**
 * Finds PII in free text. Each detector is tuned for few false positives, because a detection
 * becomes a recorded violation against a tenant:
 * - email: a dotted domain with an alphabetic top-level domain is required;
 * - payment card: 13-19 digits (single spaces or dashes allowed between them), a major-network
 *   first digit (2-6), not one digit repeated, and a valid Luhn check digit;
 * - IBAN: a country that issues IBANs, that country's exact length, and a valid mod-97 check;
 * - US SSN: only the dashed form 123-45-6789, and never an unissued area (000, 666, 9xx), group
 *   (00) or serial (0000); undashed nine-digit numbers are too often something else;
 * - UK National Insurance number: HMRC's letter rules for the prefix and a final letter A-D;
 * - phone: 9 or more digits, and either a leading `+` (9-15 digits, E.164), or a national number
 *   with a trunk `0` or the North American 3-3-4 shape written with separators. A bare run of
 *   digits is not reported: order numbers, timestamps and IDs look the same.
 * When detections overlap, the earlier kind in that list wins and the later one is dropped.
 * A text with more than `maxDetectionsPerText` of them is one detection, the whole text, of the
 * first kind found: no page shows a thousand addresses in one text node, and a hostile one would
 * otherwise cost an object per hit (a 2 MB string of addresses: 230,000 of them, ~60 MB).
 */
export function detectPii(text: string, kinds: readonly PiiKind[] = piiKinds): PiiDetection[] {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path only; every detector refuses what the pre-check refuses.
  if (typeof text !== "string" || !mayHoldPii.test(text)) return [];
  // Kept sorted by offset and without overlaps: each span is checked by a binary search and each
  // detector's spans merged in one pass. Comparing every span with every earlier detection made a
  // 2 MB string of e-mail addresses cost ~50 s of CPU.
  let detections: PiiDetection[] = [];
  for (const kind of piiKinds) {
    if (!kinds.includes(kind)) continue;
    // Each run is one pattern's matches: in order of offset, and within it the earlier match wins.
    for (const run of detectorByKind[kind](text)) {
      if (run.length > maxDetectionsPerText) return [{ kind, offset: 0, length: text.length }];
      const accepted: PiiDetection[] = [];
      for (const span of run) {
        // Only the IBAN detector's run can overlap itself: an IBAN written in groups can hold another.
        const last = accepted.at(-1);
        // Two spans never touch without overlapping: every pattern refuses to start right after a
        // letter or digit, and every match ends with one. So `<` and `<=` below choose alike.
        // Stryker disable next-line EqualityOperator: see above.
        if (last && span.offset < last.offset + last.length) continue;
        const next = firstEndingAfter(detections, span.offset);
        // Stryker disable next-line EqualityOperator: see above.
        if (next < detections.length && (detections[next] as PiiDetection).offset < span.offset + span.length) continue;
        accepted.push({ kind, ...span });
      }
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut only; merging no span changes nothing.
      if (accepted.length > 0) detections = mergedByOffset(detections, accepted);
      if (detections.length > maxDetectionsPerText) return [{ kind: (detections[0] as PiiDetection).kind, offset: 0, length: text.length }];
    }
  }
  return detections;
}

/** The index of the first detection ending after `offset` (their ends are sorted, as they do not overlap). */
function firstEndingAfter(detections: readonly PiiDetection[], offset: number): number {
  let low = 0;
  let high = detections.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const detection = detections[middle] as PiiDetection;
    // Stryker disable next-line EqualityOperator: a detection ending where the span starts would touch it, which never happens (see detectPii).
    if (detection.offset + detection.length <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function mergedByOffset(left: readonly PiiDetection[], right: readonly PiiDetection[]): PiiDetection[] {
  const merged: PiiDetection[] = [];
  let l = 0;
  let r = 0;
  while (l < left.length || r < right.length) {
    // Stryker disable next-line EqualityOperator: two detections never start at the same offset (they do not overlap).
    const fromLeft = r >= right.length || (l < left.length && (left[l] as PiiDetection).offset < (right[r] as PiiDetection).offset);
    merged.push((fromLeft ? left[l++] : right[r++]) as PiiDetection);
  }
  return merged;
}

export const maxDetectionsPerText = 1_000;

/**
 * Every detector's match holds an ASCII digit, except the email detector's, which holds an `@`.
 * Text with neither cannot hold a detection, so it skips the patterns below: that is most keys
 * and words of a recording, which ingestion searches in full (MS-1.7).
 */
const mayHoldPii = /[0-9@]/;

/** Each detector's matches, as runs in order of offset (one per pattern). */
const detectorByKind: Readonly<Record<PiiKind, (text: string) => Span[][]>> = {
  email: (text) => [spansOf(emailPattern, text)],
  "payment-card": (text) => [spansOf(cardCandidatePattern, text, isPaymentCardNumber)],
  iban: (text) => [findIbans(text)],
  "us-ssn": (text) => [spansOf(usSsnPattern, text, isIssuableSsn)],
  "uk-nino": (text) => [spansOf(ukNinoPattern, text, isAllocatableNinoPrefix)],
  phone: (text) => [
    spansOf(internationalPhonePattern, text, (candidate) => phoneDigitCount(candidate, 9, 15)),
    spansOf(nationalTrunkPhonePattern, text, isNationalTrunkPhone),
    spansOf(northAmericanPhonePattern, text),
  ],
};

const emailPattern =
  /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![A-Za-z0-9])/g;

const cardCandidatePattern = /(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])/g;

const usSsnPattern = /(?<![0-9-])[0-9]{3}-[0-9]{2}-[0-9]{4}(?![0-9-])/g;

const ukNinoPattern = /(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?![A-Za-z0-9])/gi;

const internationalPhonePattern = /(?<![\w+])\+[0-9][0-9 ().-]{7,24}[0-9](?![\w]|[.-][0-9])/g;

const nationalTrunkPhonePattern = /(?<![\w+.-])(?:\(0[0-9]{1,4}\) ?[0-9]|0[0-9])[0-9 .-]{6,16}[0-9](?![\w]|[.-][0-9])/g;

const northAmericanPhonePattern =
  /(?<![\w+.-])(?:1[ .-]?)?(?:\([2-9][0-9]{2}\) ?|[2-9][0-9]{2}[ .-])[0-9]{3}[ .-][0-9]{4}(?![\w]|[.-][0-9])/g;

/** The pattern's accepted matches, stopping one past `maxDetectionsPerText` (the caller then redacts all). */
function spansOf(pattern: RegExp, text: string, accept: (candidate: string) => boolean = () => true): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    if (accept(match[0])) spans.push({ offset: match.index, length: match[0].length });
    // Stryker disable next-line ConditionalExpression: stopping early saves time only; the caller sees more than the maximum either way.
    if (spans.length > maxDetectionsPerText) break;
  }
  return spans;
}

function isPaymentCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, "");
  return /^[2-6]/.test(digits) && !/^(.)\1*$/.test(digits) && passesLuhn(digits);
}

function isIssuableSsn(candidate: string): boolean {
  // The pattern holds exactly two dashes.
  const [area, group, serial] = candidate.split("-") as [string, string, string];
  return area !== "000" && area !== "666" && !area.startsWith("9") && group !== "00" && serial !== "0000";
}

function isAllocatableNinoPrefix(candidate: string): boolean {
  return !["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].includes(candidate.slice(0, 2).toUpperCase());
}

function phoneDigitCount(candidate: string, minimum: number, maximum: number): boolean {
  if (/[ ().-]{3,}/.test(candidate)) return false;
  const digits = candidate.replace(/[^0-9]/g, "").length;
  return digits >= minimum && digits <= maximum;
}

/** A trunk-0 national number needs a separator, and only one kind of it after the area code. */
function isNationalTrunkPhone(candidate: string): boolean {
  // Stryker disable next-line Regex: the pattern allows a parenthesis only at the start, so the anchor changes nothing.
  const afterAreaCode = candidate.replace(/^\(0[0-9]{1,4}\) ?/, "");
  const separators = new Set(afterAreaCode.replace(/[0-9]/g, ""));
  const hasSeparator = afterAreaCode !== candidate || separators.size > 0;
  return hasSeparator && separators.size <= 1 && !/[ .-]{2}/.test(candidate) && phoneDigitCount(candidate, 9, 13);
}

/** IBANs are written compact or in groups; single spaces may separate any two characters. */
function findIbans(text: string): Span[] {
  const spans: Span[] = [];
  // Stryker disable next-line Regex: a start whose fourth character is not a digit fails isValidIban's own pattern.
  for (const start of text.matchAll(/(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}/g)) {
    const expectedLength = ibanLength(start[0].slice(0, 2).toUpperCase());
    // Stryker disable next-line ConditionalExpression: without a length nothing is collected, and the length check below refuses it.
    if (expectedLength === undefined) continue;
    let compact = "";
    let position = start.index;
    // Past the end of the text charAt gives "", which is neither a letter, a digit nor a space.
    while (compact.length < expectedLength) {
      const character = text.charAt(position);
      // The character before a space is always a letter or digit (a start is one, and a space is only
      // taken when one follows), so reading before it instead of after refuses the same texts.
      // Stryker disable next-line ArithmeticOperator: see above.
      const isSingleSpace = character === " " && /[A-Za-z0-9]/.test(text.charAt(position + 1));
      if (/[A-Za-z0-9]/.test(character)) compact += character;
      else if (!isSingleSpace) break;
      position++;
    }
    // A letter or digit right after is a longer code; one cut short fails isValidIban's length check.
    if (/[A-Za-z0-9]/.test(text.charAt(position))) continue;
    if (isValidIban(compact.toUpperCase())) spans.push({ offset: start.index, length: position - start.index });
    // Stryker disable next-line ConditionalExpression: stopping early saves time only; the caller sees more than the maximum either way.
    if (spans.length > maxDetectionsPerText) break;
  }
  return spans;
}
