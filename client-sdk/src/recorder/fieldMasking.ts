import { isNeverCaptureField } from "@mousetrail/policies/masking/isNeverCaptureField";
import { maskChoice, maskEnteredText, maskPageText } from "@mousetrail/policies/masking/maskText";
import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";

type MaskingPolicy = RecorderConfig["policy"]["masking"];

/** The parts of an element the never-capture decision reads; tests pass plain stand-ins. */
export type FieldElement = Pick<Element, "tagName" | "getAttribute" | "hasAttribute"> & { readonly type?: unknown };

/**
 * MS-2.4: the policy's never-capture rule (policies/masking/isNeverCaptureField, the one the
 * server's masking asks too) applied to a live element. The input type is read from the `type`
 * property, which browsers normalise (`type="PASSWORD"` reads "password").
 */
export function isNeverCaptureElement(element: FieldElement, neverCapture: MaskingPolicy["neverCapture"]): boolean {
  return isNeverCaptureField(
    {
      tagName: element.tagName,
      type: String(element.type),
      // Stryker disable next-line StringLiteral: a missing attribute holds no token, and no never-capture token reads "Stryker was here!".
      autocomplete: element.getAttribute("autocomplete") ?? "",
      revealedPassword: element.hasAttribute("data-rr-is-password"),
    },
    neverCapture,
  );
}

/** The policy's masking section turned into what rrweb and the recorder's own checks call. */
export interface FieldMasking {
  /** rrweb's `maskInputFn`, and the recorder's last check on every field value it records. */
  readonly maskValue: (value: string, element: Element | null) => string;
  /** rrweb's `maskTextFn`: text nodes inside an element `maskTextSelector` matches. */
  readonly maskText: (text: string, element: Element | null) => string;
  readonly maskTextSelector: string;
  /** rrweb's `blockSelector`: the tenant's blocked elements, recorded as empty boxes. */
  readonly blockSelector: string | undefined;
}

const valueTags = /^(input|textarea|select)$/i;
/** Inputs whose `value` is the label on a button, not something chosen or typed. */
// Stryker disable next-line Regex: an input's `type` property is always one of the HTML keywords (an unknown type reads as "text"), and no other keyword starts or ends with these.
const buttonInputTypes = /^(button|submit|reset|image)$/;
/** Normalised types of the fields whose value is a choice among the page's own options. */
// Stryker disable next-line Regex: a field's `type` property is always one of the HTML keywords, and no other keyword starts or ends with these.
const choiceTypes = /^(select-one|select-multiple|checkbox|radio)$/;
/** Elements whose text children are what the visitor typed. */
const editableRegions = 'textarea,[contenteditable]:not([contenteditable="false" i])';

/**
 * MS-1.5: every entered character becomes the mask character, one for one, and a choice (a
 * select's, radio button's or checkbox's value, and the values and labels of a masked select's
 * options) a fixed-length mask, whose length tells nothing; MS-1.6: except in the fields the tenant
 * named non-sensitive, unless a masked selector covers them; MS-2.4: never-capture fields give the
 * empty string. Page text is masked under `all-text` and inside masked elements, keeping its
 * whitespace as the server does. The rules match the server's (policies/masking).
 *
 * Selectors are used with `Element.matches`/`closest`. An invalid one fails closed, as on the
 * server: a non-sensitive selector is ignored (its fields stay masked), and a masked or blocked
 * selector that cannot be applied masks all page text instead.
 */
export function createFieldMasking(masking: MaskingPolicy, isValidSelector: (selector: string) => boolean): FieldMasking {
  const { maskCharacter, neverCapture } = masking;
  const usable = (selectors: readonly string[]) => selectors.filter(isValidSelector);
  const nonSensitive = usable(masking.nonSensitiveSelectors).join(",");
  const masked = usable(masking.maskedSelectors);
  const blocked = usable(masking.blockedSelectors);
  const maskAllText =
    masking.textMasking !== "inputs-only" ||
    masked.length < masking.maskedSelectors.length ||
    blocked.length < masking.blockedSelectors.length;
  const maskedList = masked.join(",");

  // MS-1.6: an element's own non-sensitive mark counts only when nothing stricter applies to it.
  const keepsOwnValue = (element: Element) =>
    nonSensitive !== "" &&
    !isNeverCaptureElement(element, neverCapture) &&
    element.matches(nonSensitive) &&
    !(maskedList !== "" && element.closest(maskedList));

  return {
    maskValue(value, element) {
      // A node the recorder cannot see cannot be shown to be harmless.
      if (!element) return "";
      if (/^option$/i.test(element.tagName)) {
        const select = element.closest("select");
        return select && !keepsOwnValue(select) ? maskChoice(maskCharacter) : value;
      }
      if (!valueTags.test(element.tagName)) return value;
      if (isNeverCaptureElement(element, neverCapture)) return "";
      // An input's normalised type; a textarea's is "textarea", a select's "select-one" or "select-multiple".
      const type = String((element as HTMLInputElement).type);
      if (buttonInputTypes.test(type) || keepsOwnValue(element)) return value;
      return choiceTypes.test(type) ? maskChoice(maskCharacter) : maskEnteredText(value, maskCharacter);
    },
    maskText(text, element) {
      const region = element?.closest(editableRegions);
      if (!region) {
        // A select's option labels are kept only where its choice is (maskTextSelector names every select).
        const select = maskAllText ? null : element?.closest("select");
        return select && keepsOwnValue(select) ? text : maskPageText(text, maskCharacter);
      }
      // The outermost editable region decides, as on the server.
      // Stryker disable next-line OptionalChaining: only the root element has no parent, and it is never an editable region of a page.
      const keep = !region.parentElement?.closest(editableRegions) && keepsOwnValue(region);
      return keep ? text : maskEnteredText(text, maskCharacter);
    },
    maskTextSelector: maskAllText ? "*" : [maskedList, editableRegions, "select"].filter((list) => list !== "").join(","),
    blockSelector: blocked.length > 0 ? blocked.join(",") : undefined,
  };
}

/** Whether the browser can apply a selector; `matches` throws on one it cannot parse (the root element is always there, even for a script in the head). */
export function isValidSelector(selector: string): boolean {
  try {
    document.documentElement.matches(selector);
    return true;
  } catch {
    return false;
  }
}
