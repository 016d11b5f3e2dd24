/**
 * MS-1.5: what a visitor enters is replaced character for character, whitespace included, so the
 * masked value has the same length in code points (one mask character per typed character) and
 * nothing of the original remains.
 */
export function maskEnteredText(text: string, maskCharacter: string): string {
  // Counted by code point (a string iterates so): a typed emoji is one mask character. Nothing is
  // kept per character, so an 8 MB value costs no more than its masked copy.
  let codePoints = 0;
  for (const _ of text) codePoints++;
  return maskCharacter.repeat(codePoints);
}

/**
 * Page text (`all-text` masking, masked selectors) keeps its whitespace, as rrweb's own text
 * masking does, so a replay keeps its line breaks and layout; every other character (code point)
 * is replaced. The same as `text.replace(/\S/gu, maskCharacter)`, one match per run of
 * non-space characters instead of one per character: that regular expression made all-text
 * masking of an 8 MB snapshot take 3 s and 200 MB of garbage. The result is one flat string
 * (appending the runs one by one made a rope of ~100 MB for that snapshot).
 */
export function maskPageText(text: string, maskCharacter: string): string {
  return text.replace(/\S+/g, (run) => maskEnteredText(run, maskCharacter));
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
