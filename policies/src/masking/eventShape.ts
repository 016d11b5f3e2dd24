/**
 * Shape checks for untrusted rrweb JSON. Events arrive from browsers the server does not control,
 * so nothing about their structure is assumed before it is checked.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An attribute value as rrweb records it: a string, a number, `true`, or null (removed). */
export function isAttributeValue(value: unknown): value is string | number | true | null {
  return value === null || value === true || typeof value === "string" || typeof value === "number";
}

/** rrweb node ids are positive integers (rrweb uses -1 and -2 only for nodes it does not emit). */
export function isNodeId(value: unknown): value is number {
  // Stryker disable next-line ConditionalExpression: Number.isSafeInteger is false for anything but a number; the typeof only narrows the type.
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}
