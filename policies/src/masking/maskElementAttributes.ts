import { hidesChoice, keepsOwnValue, type MaskingContext } from "./maskingContext.js";
import type { MaskingReport } from "./maskingReport.js";
import type { ElementTreatment, MaskingRules } from "./maskingRules.js";
import { maskChoice, maskEnteredText, maskPageText } from "./maskText.js";

/** Attributes whose text a visitor reads: masked with the page text under `all-text`. */
const textAttributes = ["placeholder", "title", "alt", "aria-label", "aria-description", "aria-valuetext", "label"];

/** Inputs whose `value` is the label on a button, not something entered. */
const buttonInputTypes = new Set(["button", "submit", "reset", "image"]);

const fieldTags = new Set(["input", "textarea", "select"]);

/** 8,192 characters: a 6 kB file in base64, above what bundlers inline as icons. */
export const maxInlineImageChars = 8_192;

/**
 * Masks an element's attributes in place: the whole set of a serialized element, or the changed
 * ones of an attribute mutation (`attributes`), looked up against all the element's attributes
 * (`allAttributes`, for its type).
 * - `value` of an input, textarea or select is what the visitor entered or chose (rrweb records
 *   the live value there): removed in a never-capture field (MS-2.4), kept in a non-sensitive
 *   field (MS-1.6), masked everywhere else (MS-1.5); button labels count as page text; a choice
 *   (a select's, radio button's or checkbox's value) is masked to a fixed length;
 * - `checked` is removed from never-capture fields; in a masked select the options lose
 *   `selected`, their values are masked to the fixed length and their labels as page text;
 * - `srcdoc` is always removed: it is raw HTML that would bypass node-by-node masking, and rrweb
 *   replays an iframe from its serialized document, not from it;
 * - an image the page made itself, a `data:` URL longer than `maxInlineImageChars` in any
 *   attribute (`src`, `srcset`, `poster`, `href`...), is removed (MS-1.7): what a page encodes
 *   there is the photo a visitor is about to upload, a scanned ID, a drawn signature, a QR code
 *   of their ticket, which no text detector can read; the replay shows the element's box
 *   without it. Icons a bundler inlines (Vite's limit is 4 kB of file) stay.
 */
export function maskElementAttributes(
  attributes: Record<string, unknown>,
  allAttributes: Readonly<Record<string, unknown>>,
  element: ElementTreatment,
  context: MaskingContext,
  rules: MaskingRules,
  report: MaskingReport,
): void {
  delete attributes.srcdoc;
  for (const name in attributes) {
    const value = attributes[name];
    // Stryker disable next-line ConditionalExpression: a value that is not text has no length over the limit (an array that long is malformed and masked anyway).
    if (typeof value === "string" && value.length > maxInlineImageChars && /^\s*data:/i.test(value)) {
      delete attributes[name];
      report.removedInlineImages++;
    }
  }
  const maskAsPageText = context.masked || rules.maskAllText;
  // Stryker disable next-line StringLiteral: a missing type matches none of the types the rules name, whatever stands in for it.
  const inputType = typeof allAttributes.type === "string" ? allAttributes.type.toLowerCase() : "";

  if (fieldTags.has(element.tagName) && "value" in attributes) {
    const value = attributes.value;
    const isButtonLabel = element.tagName === "input" && buttonInputTypes.has(inputType);
    if (context.neverCapture) {
      delete attributes.value;
      report.neverCapturedValues++;
    } else if (typeof value === "string" || typeof value === "number") {
      const text = String(value);
      if (isButtonLabel) {
        if (maskAsPageText) attributes.value = maskPageText(text, rules.maskCharacter);
      } else if (!keepsOwnValue(context, element)) {
        attributes.value = element.holdsChoice ? maskChoice(rules.maskCharacter) : maskEnteredText(text, rules.maskCharacter);
        report.maskedValues++;
      }
    }
  }

  if (context.neverCapture && "checked" in attributes) delete attributes.checked;

  if (element.tagName === "option" && "selected" in attributes && attributes.selected !== null) {
    const keepsChoice = context.region?.kind === "select" && context.region.keep && !context.masked;
    if (!keepsChoice) delete attributes.selected;
  }

  if (hidesChoice(context) && (element.tagName === "option" || element.tagName === "optgroup")) {
    if (typeof attributes.value === "string" || typeof attributes.value === "number") {
      attributes.value = maskChoice(rules.maskCharacter);
      report.maskedValues++;
    }
    if (typeof attributes.label === "string" && attributes.label !== "" && !maskAsPageText) {
      attributes.label = maskPageText(attributes.label, rules.maskCharacter);
      report.maskedValues++;
    }
  }

  if (maskAsPageText) {
    for (const name of textAttributes) {
      const value = attributes[name];
      if (typeof value === "string" && value !== "") {
        attributes[name] = maskPageText(value, rules.maskCharacter);
        report.maskedValues++;
      }
    }
  }
}
