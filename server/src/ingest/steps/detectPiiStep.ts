import { findPiiInJson, type JsonPath } from "@mousetrail/policies/pii/findPiiInJson";
import { detectPii } from "@mousetrail/policies/pii/detectPii";
import { redactPii } from "@mousetrail/policies/pii/redactPii";
import type { FoundViolation } from "../../db/analyticsCollections.js";
import type { CheckedBatch, ScrubbedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok } from "../../pipeline/stepResult.js";

const maxLocationLength = 300;

/**
 * MS-1.7: what masking let through (page text, non-sensitive fields) is searched for PII. Each
 * hit is redacted in place and recorded as a violation: its kind and where it was, never the
 * value. PII in the page URL is a violation too (the scrubbed URL no longer carries it).
 */
export const detectPiiStep = step<ScrubbedBatch, CheckedBatch>("detectPii", (batch) => {
  const detectors = batch.policy.pii.detectors;
  const violations: FoundViolation[] = [];
  const events = batch.events;
  const redactedPaths = new Set<string>();
  for (const finding of findPiiInJson(events, detectors)) {
    const location = `events.${finding.path.join(".")}`.slice(0, maxLocationLength);
    violations.push({ kind: finding.kind, location: finding.inKey ? `${location} (key)` : location });
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
