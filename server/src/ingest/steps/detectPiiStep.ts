import { findPiiInJson, type JsonPath } from "@mousetrail/policies/pii/findPiiInJson";
import { detectPii } from "@mousetrail/policies/pii/detectPii";
import { redactPii } from "@mousetrail/policies/pii/redactPii";
import type { FoundViolation } from "../../db/analyticsCollections.js";
import type { CheckedBatch, ScrubbedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

const maxLocationLength = 300;
/**
 * Violation records one batch may write: a real page has a handful; a batch of 250,000 strings
 * each holding an address would otherwise write 250,000 documents. Every hit is still redacted.
 */
export const maxViolationsPerBatch = 1_000;

/**
 * MS-1.7: what masking let through (page text, non-sensitive fields) is searched for PII. Each
 * hit is redacted in place and recorded as a violation: its kind and where it was (once per kind
 * and place), never the value. PII in the page URL is a violation too (the scrubbed URL no longer carries it).
 */
export const detectPiiStep = step<ScrubbedBatch, CheckedBatch>("detectPii", (batch) => {
  const detectors = batch.policy.pii.detectors;
  const violations: FoundViolation[] = [];
  const events = batch.events;
  const redactedPaths = new Set<string>();
  const recorded = new Set<string>();
  // The findings of one string share its path (a string dense with PII has hundreds of thousands):
  // its location is spelled and its redaction done once.
  let previous: { path: JsonPath; inKey: boolean; location: string } | null = null;
  for (const finding of findPiiInJson(events, detectors)) {
    const sameString = previous !== null && previous.path === finding.path && previous.inKey === finding.inKey;
    if (!previous || !sameString) {
      const path = `events.${finding.path.join(".")}`.slice(0, maxLocationLength);
      previous = { path: finding.path, inKey: finding.inKey, location: finding.inKey ? `${path} (key)` : path };
    }
    const { location } = previous;
    // One violation per kind and place: a string of 230,000 e-mail addresses (2 MB, a few kB
    // gzipped) made 230,000 violation documents, a write amplification of an attack, not a record.
    const id = `${finding.kind}\u0000${location}`;
    if (!recorded.has(id) && violations.length < maxViolationsPerBatch) {
      recorded.add(id);
      violations.push({ kind: finding.kind, location });
    }
    if (sameString) continue;
    const pathId = JSON.stringify(finding.path);
    if (!redactedPaths.has(pathId)) {
      redactedPaths.add(pathId);
      redactAt(events, finding.path, finding.inKey, detectors);
    }
  }
  const sentUrl = batch.payload.page?.url;
  if (sentUrl) {
    for (const detection of detectPii(sentUrl, detectors)) violations.push({ kind: detection.kind, location: "page.url" });
  }
  return ok({ ...batch, violations });
});

/** Replaces the string (or drops the key) at `path` with its redacted form. */
function redactAt(root: unknown, path: JsonPath, inKey: boolean, detectors: Parameters<typeof redactPii>[1]): void {
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (typeof parent !== "object" || parent === null) return;
    parent = (parent as Record<string | number, unknown>)[segment];
  }
  const last = path.at(-1);
  if (typeof parent !== "object" || parent === null || last === undefined) return;
  const container = parent as Record<string | number, unknown>;
  if (inKey) {
    delete container[last];
    return;
  }
  const value = container[last];
  if (typeof value === "string") container[last] = redactPii(value, detectors).text;
  else if (typeof value === "number") container[last] = 0;
}
