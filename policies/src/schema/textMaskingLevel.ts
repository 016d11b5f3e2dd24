import { z } from "zod";

/**
 * How much of what a visitor sees and types is masked, weakest first:
 * - `none`: nothing masked. No policy that enforces MS-1.5 may use it; it exists so the ordering
 *   is complete and a policy document can be rejected for choosing it.
 * - `inputs-only`: everything the visitor enters (input values, textareas, selected options,
 *   contenteditable regions) is masked (MS-1.5); page text is kept.
 * - `all-text`: additionally every text node of the page and the text-bearing attributes
 *   (`placeholder`, `title`, `alt`, `aria-label`, button labels) are masked.
 */
export const textMaskingLevels = ["none", "inputs-only", "all-text"] as const;

export const textMaskingLevelSchema = z.enum(textMaskingLevels);

export type TextMaskingLevel = z.output<typeof textMaskingLevelSchema>;

/** True when `candidate` masks at least as much as `minimum`. */
export function isTextMaskingAtLeast(candidate: TextMaskingLevel, minimum: TextMaskingLevel): boolean {
  return textMaskingLevels.indexOf(candidate) >= textMaskingLevels.indexOf(minimum);
}
