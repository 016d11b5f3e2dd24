import type { EffectivePolicy } from "../effectivePolicy.js";

/** What the never-capture rule reads of a field: from a live element in the recorder, from a serialized one on the server. */
export interface FieldFacts {
  readonly tagName: string;
  /** An input's type (as the browser normalises it, or its `type` attribute); "" when it has none. */
  readonly type: string;
  /** The `autocomplete` attribute, a list of tokens (`section-pay billing cc-number`); "" when absent. */
  readonly autocomplete: string;
  /** rrweb's `data-rr-is-password`: a password field that a "show password" toggle turned into text. */
  readonly revealedPassword: boolean;
}

export type NeverCaptureRules = Pick<EffectivePolicy["masking"]["neverCapture"], "inputTypes" | "autocompleteTokens" | "autocompleteTokenPrefixes">;

/**
 * MS-2.4: password fields, one-time codes and payment card fields are never captured, not even
 * masked (a mask would still tell the length), whatever a tenant's selectors say. A field is one
 * when it is an input of a listed type, rrweb marks it as a revealed password, or any one of its
 * autocomplete tokens is listed or starts with a listed prefix (`cc-`). Case does not matter.
 * The recorder and the server's masking both ask this, so they cannot disagree.
 */
export function isNeverCaptureField(field: FieldFacts, neverCapture: NeverCaptureRules): boolean {
  const lower = (text: string) => text.toLowerCase();
  const type = lower(field.type);
  // Stryker disable next-line Regex: splitting on each blank only adds empty tokens, which match nothing.
  const tokens = lower(field.autocomplete).split(/\s+/u);
  return (
    field.revealedPassword ||
    (lower(field.tagName) === "input" && neverCapture.inputTypes.some((listed) => lower(listed) === type)) ||
    tokens.some(
        (token) =>
          // Stryker disable next-line ConditionalExpression,StringLiteral: an empty token is neither listed nor starts with a (non-empty) prefix; the check only says so.
          token !== "" &&
          (neverCapture.autocompleteTokens.some((listed) => lower(listed) === token) ||
            neverCapture.autocompleteTokenPrefixes.some((prefix) => token.startsWith(lower(prefix)))),
      )
  );
}
