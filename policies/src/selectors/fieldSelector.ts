/**
 * The subset of CSS selectors a tenant may use to name fields (MS-1.6 non-sensitive fields,
 * extra masked and blocked elements). The server matches them against serialized rrweb nodes,
 * which have a tag name and attributes but no reliable ancestry across batches, so only selectors
 * about the element itself are supported:
 *
 *   tag            input, textarea, my-widget, *
 *   #id            #search
 *   .class         .newsletter-email
 *   [attr]         [data-public]
 *   [attr=value]   [name=quantity], [name="promo code"], [data-mt='public']
 *   compounds      input.search[name=q]
 *   comma lists    #search, [name=quantity]
 *
 * Rejected with a message saying so: combinators (descendant space, `>`, `+`, `~`),
 * pseudo-classes and pseudo-elements (`:`), other attribute operators (`^=`, `$=`, `*=`, `~=`,
 * `|=`), attribute flags (`[a=b i]`), namespaces (`|`) and backslash escapes. Every accepted
 * selector is also valid CSS with the same meaning, so the recorder can hand it to
 * `Element.matches` and both sides agree.
 */
export interface AttributeCondition {
  /** Lower-cased, as HTML attribute names are. */
  readonly name: string;
  /** `null` for a presence test (`[attr]`). */
  readonly value: string | null;
}

export interface CompoundSelector {
  /** Lower-cased tag name, or null for `*` or no tag. */
  readonly tagName: string | null;
  readonly ids: readonly string[];
  readonly classes: readonly string[];
  readonly attributes: readonly AttributeCondition[];
}

export type SelectorParseResult =
  | { readonly ok: true; readonly selectors: readonly CompoundSelector[] }
  | { readonly ok: false; readonly error: string };

const identifier = /^-?[A-Za-z_][A-Za-z0-9_-]*/;
const tagName = /^[A-Za-z][A-Za-z0-9-]*/;
const attributeName = /^[A-Za-z_][A-Za-z0-9_:.-]*/;
const quotedValue = /^(?:"([^"\\\n]*)"|'([^'\\\n]*)')/;

export function parseSelectorList(text: string): SelectorParseResult {
  if (text.includes("\\")) return failure(text, "backslash escapes are not supported");
  const parts = text.split(",");
  const selectors: CompoundSelector[] = [];
  for (const part of parts) {
    const parsed = parseCompound(part.trim(), text);
    if (!parsed.ok) return parsed;
    selectors.push(parsed.selector);
  }
  return { ok: true, selectors };
}

type CompoundParseResult = { ok: true; selector: CompoundSelector } | { ok: false; error: string };

function parseCompound(source: string, whole: string): CompoundParseResult {
  if (source === "") return failure(whole, "an empty selector (check for a stray comma)");
  let rest = source;
  let parsedTagName: string | null = null;
  const ids: string[] = [];
  const classes: string[] = [];
  const attributes: AttributeCondition[] = [];

  if (rest.startsWith("*")) {
    rest = rest.slice(1);
  } else {
    const tag = tagName.exec(rest);
    if (tag) {
      parsedTagName = tag[0].toLowerCase();
      rest = rest.slice(tag[0].length);
    }
  }

  while (rest !== "") {
    const marker = rest[0];
    if (marker === "#" || marker === ".") {
      const name = identifier.exec(rest.slice(1));
      if (!name) return failure(whole, `"${marker}" must be followed by a name`);
      (marker === "#" ? ids : classes).push(name[0]);
      rest = rest.slice(1 + name[0].length);
    } else if (marker === "[") {
      const attribute = parseAttribute(rest, whole);
      if (!attribute.ok) return attribute;
      attributes.push(attribute.condition);
      rest = attribute.rest;
    } else {
      return failure(whole, unsupportedReason(rest));
    }
  }
  return { ok: true, selector: { tagName: parsedTagName, ids, classes, attributes } };
}

type AttributeParseResult =
  | { ok: true; condition: AttributeCondition; rest: string }
  | { ok: false; error: string };

function parseAttribute(text: string, whole: string): AttributeParseResult {
  let rest = text.slice(1).trimStart();
  const name = attributeName.exec(rest);
  if (!name) return failure(whole, "an attribute selector needs an attribute name");
  rest = rest.slice(name[0].length).trimStart();
  if (rest.startsWith("]")) {
    return { ok: true, condition: { name: name[0].toLowerCase(), value: null }, rest: rest.slice(1) };
  }
  if (!rest.startsWith("=")) {
    return failure(whole, "only [attr] and [attr=value] attribute selectors are supported (no ^= $= *= ~= |=)");
  }
  rest = rest.slice(1).trimStart();
  let value: string;
  const quoted = quotedValue.exec(rest);
  const bare = identifier.exec(rest);
  if (quoted) {
    // Stryker disable next-line StringLiteral: one of the two quoted forms always matched.
    value = quoted[1] ?? quoted[2] ?? "";
    rest = rest.slice(quoted[0].length);
  } else if (bare) {
    value = bare[0];
    rest = rest.slice(bare[0].length);
  } else {
    return failure(whole, "an attribute value must be a name or a quoted string");
  }
  rest = rest.trimStart();
  if (!rest.startsWith("]")) return failure(whole, "attribute flags such as [attr=value i] are not supported");
  return { ok: true, condition: { name: name[0].toLowerCase(), value }, rest: rest.slice(1) };
}

function unsupportedReason(rest: string): string {
  // Stryker disable next-line StringLiteral: only called with something left to parse.
  const next = rest[0] ?? "";
  if (/\s|>|\+|~/.test(next)) {
    return "combinators (descendant space, >, +, ~) are not supported: name the field itself with #id, .class or [attr=value]";
  }
  if (next === ":") return "pseudo-classes and pseudo-elements (:...) are not supported";
  if (next === "|") return "namespaces (|) are not supported";
  return `unexpected "${next}"`;
}

function failure(whole: string, reason: string): { ok: false; error: string } {
  return { ok: false, error: `unsupported selector ${JSON.stringify(whole)}: ${reason}` };
}

/**
 * True when a selector names specific fields rather than a whole class of elements: it has an
 * #id, a .class, or an [attr=value] other than `type`. MS-1.6 lets a client mark fields
 * non-sensitive; `input` or `[type=text]` would unmask every field and undo MS-1.5.
 */
export function isSpecificSelector(selector: CompoundSelector): boolean {
  return (
    selector.ids.length > 0 ||
    selector.classes.length > 0 ||
    selector.attributes.some((condition) => condition.value !== null && condition.name !== "type")
  );
}
