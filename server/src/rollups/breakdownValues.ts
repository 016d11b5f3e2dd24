import type { BreakdownDimension, ChunkContext } from "../db/analyticsCollections.js";

export interface BreakdownValue {
  dimension: BreakdownDimension;
  value: string;
}

/** Shown for a field the policy did not allow, or the recorder did not send. */
export const unknownValue = "(unknown)";
/** The referrer of a visit that came from no other page. */
export const directValue = "(direct)";

/**
 * MS-1.1: the values a batch's technical information contributes to the overview's breakdowns,
 * one per dimension. Only allow-listed fields are ever stored, so nothing here can add a field.
 */
export function technicalBreakdownOf(technical: ChunkContext["technical"]): BreakdownValue[] {
  const text = (value: unknown) => (typeof value === "string" && value ? value : unknownValue);
  const { screenWidth, screenHeight } = technical;
  const screenSize = typeof screenWidth === "number" && typeof screenHeight === "number" ? `${screenWidth}x${screenHeight}` : unknownValue;
  return [
    { dimension: "browser", value: text(technical.browser) },
    { dimension: "os", value: text(technical.os) },
    { dimension: "language", value: text(technical.language) },
    { dimension: "timeZone", value: text(technical.timeZone) },
    { dimension: "screenSize", value: screenSize },
    { dimension: "deviceClass", value: text(technical.deviceClass) },
  ];
}

/** Where a session came from (the referrer's host, never its path or query) and the page it entered on. */
export function sessionOriginOf(page: ChunkContext["page"], urlKey: string): BreakdownValue[] {
  return [
    { dimension: "referrer", value: referrerHostOf(page?.referrer ?? null) },
    { dimension: "entryPage", value: page?.urlKey || urlKey || unknownValue },
  ];
}

function referrerHostOf(referrer: string | null): string {
  if (!referrer) return directValue;
  try {
    return new URL(referrer).host.toLowerCase() || directValue;
  } catch {
    return unknownValue;
  }
}
