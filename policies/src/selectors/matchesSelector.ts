import type { CompoundSelector } from "./fieldSelector.js";

/** An element as the server sees it in a serialized rrweb node: a tag name and attributes. */
export interface SelectableElement {
  readonly tagName: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export function matchesSelector(element: SelectableElement, selector: CompoundSelector): boolean {
  if (selector.tagName !== null && element.tagName.toLowerCase() !== selector.tagName) return false;
  const id = attributeText(element, "id");
  if (selector.ids.some((wanted) => id !== wanted)) return false;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut only; with no class wanted the check below finds none missing.
  if (selector.classes.length > 0) {
    // Stryker disable next-line StringLiteral,Regex: an element without a class has none of the wanted ones either way, and splitting on each blank only adds empty names, which no selector wants.
    const classes = new Set((attributeText(element, "class") ?? "").split(/\s+/));
    if (selector.classes.some((wanted) => !classes.has(wanted))) return false;
  }
  return selector.attributes.every((condition) => {
    const actual = attributeText(element, condition.name);
    return condition.value === null ? actual !== null : actual === condition.value;
  });
}

export function matchesAnySelector(element: SelectableElement, selectors: readonly CompoundSelector[]): boolean {
  return selectors.some((selector) => matchesSelector(element, selector));
}

/**
 * An attribute's value as the DOM would expose it. rrweb stores attribute values as strings, with
 * `true` for boolean attributes and numbers for a few media properties; names are matched
 * case-insensitively because HTML attribute names are.
 */
function attributeText(element: SelectableElement, name: string): string | null {
  let value = element.attributes[name];
  // Stryker disable next-line ConditionalExpression: the search below finds the same attribute when the name is there as it is (an element has one attribute of a name).
  if (value === undefined) {
    const key = Object.keys(element.attributes).find((candidate) => candidate.toLowerCase() === name);
    // Stryker disable next-line ConditionalExpression: attributes[undefined] is undefined too.
    value = key === undefined ? undefined : element.attributes[key];
  }
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (value === true) return "";
  return null;
}
