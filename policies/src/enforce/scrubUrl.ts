import type { EffectivePolicy } from "../effectivePolicy.js";
import { detectPii } from "../pii/detectPii.js";

/**
 * MS-1.3: pages visited and referrer URLs are kept, without the PII URLs so often carry.
 * - the query string is always dropped (sites put e-mail addresses, tokens and search terms there);
 * - user names and passwords in the authority are dropped;
 * - in each path segment, PII the detectors find is replaced by `:<kind>` (`:email`, `:phone`),
 *   runs of six or more digits by `:number` (account, order and customer numbers), and long
 *   letter-and-digit tokens by `:token` (password-reset and session tokens, UUIDs);
 * - the fragment is dropped, or under `fragments: "scrub"` kept as a client-side route
 *   (`#/pricing`) with the same segment scrubbing, unless it looks like key=value data
 *   (`#access_token=...`), which is dropped.
 * Only http and https URLs are pages; anything else, or anything unparsable, gives null.
 */
export function scrubUrl(url: string, policy: Pick<EffectivePolicy, "pages" | "pii">): string | null {
  // Stryker disable next-line ConditionalExpression: without the type check a value that is not text still gives null, as new URL() refuses it; the check says so first.
  if (typeof url !== "string" || url.length > 8192) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;

  parsed.username = "";
  parsed.password = "";
  parsed.search = "";
  parsed.pathname = scrubPath(parsed.pathname, policy.pii.detectors);
  parsed.hash = policy.pages.fragments === "drop" ? "" : scrubFragment(parsed.hash.slice(1), policy.pii.detectors);
  return parsed.toString();
}

type Detectors = EffectivePolicy["pii"]["detectors"];

function scrubFragment(fragment: string, detectors: Detectors): string {
  const decoded = safeDecode(fragment);
  if (decoded === null || /[=&?]/.test(decoded)) return "";
  return scrubPath(fragment, detectors);
}

function scrubPath(path: string, detectors: Detectors): string {
  return path
    .split("/")
    .map((segment) => scrubSegment(segment, detectors))
    .join("/");
}

function scrubSegment(segment: string, detectors: Detectors): string {
  const decoded = safeDecode(segment);
  // A segment that is not valid percent-encoding cannot be read, so it cannot be shown to be clean.
  if (decoded === null) return ":unreadable";
  let scrubbed = "";
  let copiedUpTo = 0;
  for (const detection of detectPii(decoded, detectors)) {
    scrubbed += decoded.slice(copiedUpTo, detection.offset) + `:${detection.kind}`;
    copiedUpTo = detection.offset + detection.length;
  }
  scrubbed += decoded.slice(copiedUpTo);
  scrubbed = scrubbed
    .replace(/[A-Za-z0-9_-]{20,}/g, (token) => (/[0-9]/.test(token) && /[A-Za-z]/.test(token) ? ":token" : token))
    .replace(/[0-9]{6,}/g, ":number");
  if (scrubbed === decoded) return segment;
  return encodeURIComponent(scrubbed).replace(/%3A/g, ":");
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
