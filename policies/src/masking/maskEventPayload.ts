import { isRecord } from "./eventShape.js";
import type { MaskingReport } from "./maskingReport.js";
import { maskPageText } from "./maskText.js";

/** Names a custom event's tag or a plugin may keep as they are: short identifiers, no spaces. */
const identifierName = /^[\w.:/@-]{1,100}$/u;
/** Object keys kept as they are when strings are masked: property names as code writes them. */
const propertyName = /^[A-Za-z_$][\w$-]{0,63}$/u;

/** Deeper payloads are not masked but dropped: no payload a page sends for replay needs more. */
export const maxPayloadDepth = 32;

/**
 * The name of a custom event (its tag) or of a plugin: kept when it is a short identifier, as
 * code names it (`checkout-step`, `rrweb/console@1`); anything else is masked as page text.
 */
export function maskEventName(name: string, maskCharacter: string): string {
  return identifierName.test(name) ? name : maskPageText(name, maskCharacter);
}

/**
 * MS-1.5, MS-1.7: the payload of an rrweb custom event (type 5, sent by the page's own code) or
 * plugin event (type 6: console logs, network bodies), masked in place. When `maskStrings` is
 * set, every string is masked as page text (whitespace kept), and so is every object key that is
 * not a plain property name (`step`, `order_id`); numbers, booleans and null are kept, as is the
 * shape. Either way the pipeline's PII detectors search what
 * is kept (MS-1.7). Returns the masked payload, or null when it nests deeper than
 * `maxPayloadDepth` and the event must be dropped. Iterative, so hostile nesting cannot overflow
 * the stack; each object is visited once.
 */
export function maskEventPayload(payload: unknown, maskStrings: boolean, maskCharacter: string, report: MaskingReport): { payload: unknown } | null {
  // Stryker disable next-line ArrayDeclaration: a non-object left in the list is neither a list nor a record, so nothing is done with it.
  const pending: { container: object; depth: number }[] = [];
  const visit = (value: unknown, depth: number): unknown => {
    // Stryker disable next-line ConditionalExpression: a null pushed here is neither a list nor a record, and the null itself is returned.
    if (typeof value === "object" && value !== null) pending.push({ container: value, depth });
    else if (typeof value === "string" && maskStrings && value !== "") {
      report.maskedValues++;
      return maskPageText(value, maskCharacter);
    }
    return value;
  };
  const masked = visit(payload, 1);
  const visited = new Set<object>();
  while (pending.length > 0) {
    const { container, depth } = pending.pop()!;
    if (depth > maxPayloadDepth) return null;
    if (visited.has(container)) continue;
    visited.add(container);
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) container[index] = visit(container[index], depth + 1);
      continue;
    }
    // Stryker disable next-line ConditionalExpression: every object that is not a list is a record here.
    if (isRecord(container)) {
      const entries = Object.entries(container);
      for (const [name] of entries) delete container[name];
      for (const [name, value] of entries) {
        const maskedName = maskStrings && !propertyName.test(name) ? maskPageText(name, maskCharacter) : name;
        // Masked keys may collide: the first one is kept, the rest count as dropped parts.
        if (Object.hasOwn(container, maskedName)) report.droppedParts++;
        else container[maskedName] = visit(value, depth + 1);
      }
    }
  }
  return { payload: masked };
}
