import type { ElementTreatment } from "./maskingRules.js";

/**
 * What a node inherits from its ancestors (and, for an element, from itself). Computed top-down
 * while walking a serialized tree, and by folding the ancestor chain for a node an incremental
 * event points at; both use `enterElement`, so they cannot disagree.
 */
export interface MaskingContext {
  /** Inside a blocked element: nothing below it is kept. */
  readonly blocked: boolean;
  /** Inside a never-capture field (MS-2.4): values are removed, not masked. */
  readonly neverCapture: boolean;
  /** Inside an element a masked selector names, or of unknown ancestry: text is masked. */
  readonly masked: boolean;
  /** Inside a textarea or contenteditable region (entered text) or a select (a choice). */
  readonly region: { readonly kind: "entered-text" | "select"; readonly keep: boolean } | null;
  /** Inside a style or script element, whose text is CSS or rrweb's script placeholder. */
  readonly code: boolean;
}

export const documentRootContext: MaskingContext = {
  blocked: false,
  neverCapture: false,
  masked: false,
  region: null,
  code: false,
};

/**
 * The context for nodes whose ancestors were never seen (a batch that starts after the snapshot
 * and a server that kept no node registry): treated as masked, so nothing is kept on a guess.
 */
export const unknownAncestryContext: MaskingContext = { ...documentRootContext, masked: true };

export function enterElement(parent: MaskingContext, element: ElementTreatment): MaskingContext {
  const masked = parent.masked || element.masked;
  // MS-1.6: an element's own non-sensitive mark counts only if nothing stricter applies.
  const keep = element.nonSensitive && !masked && !parent.neverCapture && !element.neverCapture;
  let region = parent.region;
  // The outermost editable element decides; a select inside one stays part of it.
  if (region?.kind !== "entered-text") {
    if (element.holdsEnteredText) region = { kind: "entered-text", keep };
    else if (element.isSelect) region = { kind: "select", keep };
  }
  return {
    blocked: parent.blocked || element.blocked,
    neverCapture: parent.neverCapture || element.neverCapture,
    masked,
    region,
    code: parent.code || element.tagName === "style" || element.tagName === "script",
  };
}

/** MS-1.5, MS-1.6: whether an element's own entered value may be kept. */
export function keepsOwnValue(context: MaskingContext, element: ElementTreatment): boolean {
  return element.nonSensitive && !context.masked && !context.neverCapture && !context.blocked;
}

/**
 * MS-1.5: inside a select whose choice is not kept (not non-sensitive, or inside a masked
 * element): its options' values and labels are masked too, or they would tell the choice.
 */
export function hidesChoice(context: MaskingContext): boolean {
  return context.region?.kind === "select" && !(context.region.keep && !context.masked);
}
