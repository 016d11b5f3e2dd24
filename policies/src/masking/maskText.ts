/**
 * MS-1.5: what a visitor enters is replaced character for character, whitespace included, so the
 * masked value has the same length in code points (one mask character per typed character) and
 * nothing of the original remains.
 */
export function maskEnteredText(text: string, maskCharacter: string): string {
  let codePoints = 0;
  for (let index = 0; index < text.length; index++) {
    codePoints++;
    if (isPairAt(text, index)) index++;
  }
  return maskCharacter.repeat(codePoints);
}

/**
 * Page text (`all-text` masking, masked selectors) keeps its whitespace, as rrweb's own text
 * masking does, so a replay keeps its line breaks and layout; every other character (code point)
 * is replaced. The same as `text.replace(/\S/gu, maskCharacter)`, written out: that regular
 * expression made one match per character, and masking a full snapshot of 8 MB of page text took
 * 3 s and 200 MB of garbage; runs of characters are now masked with one `repeat`.
 */
export function maskPageText(text: string, maskCharacter: string): string {
  let masked = "";
  let kept = 0;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    if (isWhiteSpace(text.charCodeAt(index))) {
      if (run > 0) {
        masked += maskCharacter.repeat(run);
        run = 0;
        kept = index;
      }
      continue;
    }
    if (run === 0 && kept < index) masked += text.slice(kept, index);
    run++;
    if (isPairAt(text, index)) index++;
    kept = index + 1;
  }
  if (run > 0) return masked + maskCharacter.repeat(run);
  return kept < text.length ? masked + text.slice(kept) : masked;
}

/** A high surrogate followed by a low one: one code point in two code units. */
function isPairAt(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit < 0xd800 || unit > 0xdbff || index + 1 >= text.length) return false;
  const next = text.charCodeAt(index + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** JavaScript's `\s`: WhiteSpace and LineTerminator code points (all in the BMP). */
function isWhiteSpace(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 ||
    unit === 0x1680 ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    unit === 0x202f ||
    unit === 0x205f ||
    unit === 0x3000 ||
    unit === 0xfeff
  );
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
