import type { EffectivePolicy } from "../effectivePolicy.js";
import { parseSelectorList, type CompoundSelector } from "../selectors/fieldSelector.js";
import { matchesAnySelector } from "../selectors/matchesSelector.js";
import { isNeverCaptureField, type NeverCaptureRules } from "./isNeverCaptureField.js";

/** The effective policy's masking section, with its selectors parsed once per batch. */
export interface MaskingRules {
  readonly maskCharacter: string;
  readonly maskAllText: boolean;
  readonly nonSensitive: readonly CompoundSelector[];
  readonly masked: readonly CompoundSelector[];
  readonly blocked: readonly CompoundSelector[];
  readonly neverCapture: NeverCaptureRules;
}

/**
 * Selectors reach here validated by `resolveEffectivePolicy`, but an EffectivePolicy is plain JSON
 * and may have been built elsewhere, so an unparsable selector fails closed: a non-sensitive one is
 * ignored (its fields stay masked), and a masked or blocked one turns on `all-text` masking.
 */
export function compileMaskingRules(masking: EffectivePolicy["masking"]): MaskingRules {
  const parse = (selectors: readonly string[]) => {
    // Stryker disable next-line ArrayDeclaration: a string among the compiled selectors matches no element.
    const parsed: CompoundSelector[] = [];
    let failed = false;
    for (const selector of selectors) {
      const result = parseSelectorList(selector);
      if (result.ok) parsed.push(...result.selectors);
      else failed = true;
    }
    return { parsed, failed };
  };
  const nonSensitive = parse(masking.nonSensitiveSelectors);
  const masked = parse(masking.maskedSelectors);
  const blocked = parse(masking.blockedSelectors);
  return {
    maskCharacter: masking.maskCharacter,
    maskAllText: masking.textMasking === "all-text" || masked.failed || blocked.failed,
    nonSensitive: nonSensitive.parsed,
    masked: masked.parsed,
    blocked: blocked.parsed,
    neverCapture: masking.neverCapture,
  };
}

/** How one element is treated on its own, before what its ancestors add. */
export interface ElementTreatment {
  readonly tagName: string;
  /** MS-2.4: a password or payment card field; wins over every selector. */
  readonly neverCapture: boolean;
  readonly blocked: boolean;
  readonly masked: boolean;
  /** MS-1.6: the tenant marked it non-sensitive. Only ever honoured when nothing else applies. */
  readonly nonSensitive: boolean;
  /** A textarea or contenteditable element: its text children are entered text. */
  readonly holdsEnteredText: boolean;
  readonly isSelect: boolean;
  /** A select, radio button or checkbox: its value names one of the page's own options. */
  readonly holdsChoice: boolean;
}

// rrweb marks an input that was a password field when a "show password" toggle changes its type.
const rrwebPasswordMarker = "data-rr-is-password";

export function treatElement(
  tagName: string,
  attributes: Readonly<Record<string, unknown>>,
  rules: MaskingRules,
  sticky: { readonly neverCapture: boolean; readonly blocked: boolean },
): ElementTreatment {
  const tag = tagName.toLowerCase();
  const element = { tagName: tag, attributes };
  // Stryker disable next-line StringLiteral: a missing type matches none of the types the rules name, whatever stands in for it.
  const type = typeof attributes.type === "string" ? attributes.type.toLowerCase() : "";
  const neverCapture =
    sticky.neverCapture ||
    isNeverCaptureField(
      {
        tagName: tag,
        type,
        // Stryker disable next-line StringLiteral: a missing attribute holds no token, and no never-capture token reads "Stryker was here!".
        autocomplete: typeof attributes.autocomplete === "string" ? attributes.autocomplete : "",
        revealedPassword: attributes[rrwebPasswordMarker] !== undefined,
      },
      rules.neverCapture,
    );
  const contentEditable = attributes.contenteditable;
  const isEditable =
    contentEditable === true || (typeof contentEditable === "string" && contentEditable.toLowerCase() !== "false");
  return {
    tagName: tag,
    neverCapture,
    blocked: sticky.blocked || matchesAnySelector(element, rules.blocked),
    masked: matchesAnySelector(element, rules.masked),
    nonSensitive: matchesAnySelector(element, rules.nonSensitive),
    holdsEnteredText: tag === "textarea" || isEditable,
    isSelect: tag === "select",
    // Stryker disable next-line ConditionalExpression: only an input has the types radio and checkbox; another element with such a type attribute has no value the rules mask.
    holdsChoice: tag === "select" || (tag === "input" && (type === "radio" || type === "checkbox")),
  };
}
