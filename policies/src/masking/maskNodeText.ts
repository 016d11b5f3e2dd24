import { hidesChoice, type MaskingContext } from "./maskingContext.js";
import type { MaskingReport } from "./maskingReport.js";
import type { MaskingRules } from "./maskingRules.js";
import { maskEnteredText, maskPageText } from "./maskText.js";

/**
 * The text of a text, comment or CDATA node, as a snapshot holds it or a text mutation sets it:
 * - inside a never-capture field: removed (MS-2.4);
 * - inside a textarea or contenteditable region: entered text, masked whole (MS-1.5) unless the
 *   region is non-sensitive (MS-1.6) and not inside a masked element;
 * - inside a masked element, of unknown ancestry, or under `all-text`: masked as page text;
 * - the option labels of a select whose choice is masked: masked as page text (MS-1.5), since
 *   with them in clear the choice could be matched back;
 * - CSS and rrweb's script placeholder are kept: they are the site's code, not anyone's input.
 */
export function maskNodeText(
  text: string,
  context: MaskingContext,
  isStyle: boolean,
  rules: MaskingRules,
  report: MaskingReport,
): string {
  if (text === "") return text;
  if (context.neverCapture) {
    report.neverCapturedValues++;
    return "";
  }
  if (context.region?.kind === "entered-text") {
    if (context.region.keep && !context.masked) return text;
    report.maskedValues++;
    return maskEnteredText(text, rules.maskCharacter);
  }
  if (context.code || isStyle) return text;
  if (context.masked || rules.maskAllText || hidesChoice(context)) {
    report.maskedValues++;
    return maskPageText(text, rules.maskCharacter);
  }
  return text;
}
