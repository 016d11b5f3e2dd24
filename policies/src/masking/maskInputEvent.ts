import { isNodeId } from "./eventShape.js";
import { keepsOwnValue } from "./maskingContext.js";
import type { MaskingState } from "./maskSerializedNode.js";
import { maskChoice, maskEnteredText } from "./maskText.js";

/**
 * Masks an rrweb input event (`IncrementalSource.Input`: `{ id, text, isChecked }`) in place, by
 * what the node id names in the registry:
 * - a never-capture field (MS-2.4): the text is emptied, even for a non-sensitive selector;
 * - a non-sensitive field (MS-1.6) outside any masked element: kept;
 * - a select, radio button or checkbox, or a node never seen (MS-1.5): masked to a fixed length,
 *   since the length of a choice would tell which one it is;
 * - anything else: masked character for character.
 * `isChecked` is kept: ticking a box is a click (MS-1.4), not typed characters.
 * Returns false when the event must be dropped (malformed, or about a blocked element).
 */
export function maskInputEvent(data: Record<string, unknown>, state: MaskingState): boolean {
  const { registry, rules, report } = state;
  if (!isNodeId(data.id) || typeof data.text !== "string") return false;
  const { context, known } = registry.contextOf(data.id, rules);
  if (!known) report.unknownNodeTargets++;
  if (context.blocked) return false;
  const treatment = registry.treatment(data.id, rules);
  if (context.neverCapture) {
    if (data.text !== "") report.neverCapturedValues++;
    data.text = "";
  } else if (!(treatment && keepsOwnValue(context, treatment))) {
    data.text = !treatment || treatment.holdsChoice ? maskChoice(rules.maskCharacter) : maskEnteredText(data.text, rules.maskCharacter);
    report.maskedValues++;
  }
  return true;
}
