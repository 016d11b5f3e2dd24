/**
 * MS-1.5: what a visitor enters is replaced character for character, whitespace included, so the
 * masked value has the same length in code points (one mask character per typed character) and
 * nothing of the original remains.
 */
export function maskEnteredText(text: string, maskCharacter: string): string {
  return text.replace(/[\s\S]/gu, maskCharacter);
}

/**
 * Page text (`all-text` masking, masked selectors) keeps its whitespace, as rrweb's own text
 * masking does, so a replay keeps its line breaks and layout; every other character is replaced.
 */
export function maskPageText(text: string, maskCharacter: string): string {
  return text.replace(/\S/gu, maskCharacter);
}

/**
 * MS-1.5: how many mask characters replace a masked choice (a select's value, its options' values,
 * a radio button's or checkbox's value), whatever it was. A mask one for one would give the
 * choice away wherever the options differ in length ("UK" against "Germany").
 */
export const maskedChoiceLength = 8;

/** A masked choice: always `maskedChoiceLength` mask characters, so its length says nothing. */
export function maskChoice(maskCharacter: string): string {
  return maskCharacter.repeat(maskedChoiceLength);
}
