import type { EffectivePolicy } from "../effectivePolicy.js";
import { technicalFieldSchemas, type TechnicalFieldName, type TechnicalInfo } from "../schema/technicalFields.js";

export interface DroppedTechnicalField {
  /** The field name as sent, cut to 64 characters; never the value. */
  readonly field: string;
  readonly reason: "not-allowed" | "invalid-value";
}

export interface AllowListedTechnicalInfo {
  readonly info: TechnicalInfo;
  /** The first 50 dropped fields; `droppedCount` says how many there were in all. */
  readonly dropped: readonly DroppedTechnicalField[];
  readonly droppedCount: number;
}

const maximumReportedFields = 50;

/**
 * MS-1.1 (and MS-2.2): keeps exactly the technical fields the policy allows, each only when its
 * value has the field's documented shape, and drops everything else. The report names what was
 * dropped and why, never the dropped values, so it can be logged.
 */
export function allowListTechnicalInfo(info: unknown, policy: Pick<EffectivePolicy, "technicalInfo">): AllowListedTechnicalInfo {
  if (typeof info !== "object" || info === null || Array.isArray(info)) {
    return { info: {}, dropped: [], droppedCount: 0 };
  }
  const allowed = new Set<string>(policy.technicalInfo.fields);
  const kept: Record<string, unknown> = {};
  const dropped: DroppedTechnicalField[] = [];
  let droppedCount = 0;
  const drop = (field: string, reason: DroppedTechnicalField["reason"]) => {
    droppedCount++;
    if (dropped.length < maximumReportedFields) dropped.push({ field: field.slice(0, 64), reason });
  };

  for (const [field, value] of Object.entries(info)) {
    if (!allowed.has(field) || !Object.hasOwn(technicalFieldSchemas, field)) {
      drop(field, "not-allowed");
      continue;
    }
    const parsed = technicalFieldSchemas[field as TechnicalFieldName].safeParse(value);
    if (parsed.success) kept[field] = parsed.data;
    else drop(field, "invalid-value");
  }
  return { info: kept as TechnicalInfo, dropped, droppedCount };
}
