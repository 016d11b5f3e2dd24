import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";

export interface PrivacyTightening {
  /** Stored recordings must be masked again (more masked or blocked, fewer non-sensitive fields, more text masked). */
  remask: boolean;
  /** Retention periods that got shorter: data beyond them must go. */
  shortenedRetention: ("rawRecordings" | "sessionMetadata" | "aggregates")[];
  /** What changed, in words for the audit log and the console. */
  reasons: string[];
}

/**
 * Which changes between two effective policies protect stored data more, and so must be
 * applied to it. Loosening is never applied backwards: stored data stays as masked as it was.
 */
export function privacyTightening(before: EffectivePolicy, after: EffectivePolicy): PrivacyTightening {
  const reasons: string[] = [];
  const added = (from: readonly string[], to: readonly string[]) => to.filter((selector) => !from.includes(selector));
  if (before.masking.textMasking === "inputs-only" && after.masking.textMasking === "all-text") reasons.push("all page text is now masked");
  const masked = added(before.masking.maskedSelectors, after.masking.maskedSelectors);
  if (masked.length) reasons.push(`masked selectors added: ${masked.join(", ")}`);
  const blocked = added(before.masking.blockedSelectors, after.masking.blockedSelectors);
  if (blocked.length) reasons.push(`blocked selectors added: ${blocked.join(", ")}`);
  const unlisted = added(after.masking.nonSensitiveSelectors, before.masking.nonSensitiveSelectors);
  if (unlisted.length) reasons.push(`no longer non-sensitive: ${unlisted.join(", ")}`);
  const remask = reasons.length > 0;

  const shortenedRetention: PrivacyTightening["shortenedRetention"] = [];
  const periods = [
    ["rawRecordings", "rawRecordingsDays"],
    ["sessionMetadata", "sessionMetadataDays"],
    ["aggregates", "aggregatesDays"],
  ] as const;
  for (const [kind, field] of periods) {
    if (after.retention[field] < before.retention[field]) {
      shortenedRetention.push(kind);
      reasons.push(`${kind} retention shortened from ${before.retention[field]} to ${after.retention[field]} days`);
    }
  }
  return { remask, shortenedRetention, reasons };
}
