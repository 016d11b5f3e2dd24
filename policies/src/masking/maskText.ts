/**
 * MS-1.5: what a visitor enters is replaced character for character, whitespace included, so the
 * masked value has the same length in code points (one mask character per typed character) and
 * nothing of the original remains.
 */
export function maskEnteredText(text: string, maskCharacter: string): string {
  return maskCharacter.repeat(codePointsOf(text));
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
  return text.replace(nonSpaceRuns, (run) => maskCharacter.repeat(codePointsOf(run)));
}

const nonSpaceRuns = /\S+/g;

function codePointsOf(text: string): number {
  let codePoints = 0;
  for (let index = 0; index < text.length; index++) {
    codePoints++;
    if (isPairAt(text, index)) index++;
  }
  return codePoints;
}

/** A high surrogate followed by a low one: one code point in two code units. */
function isPairAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
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
