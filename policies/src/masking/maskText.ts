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
