import { parseSelectorList } from "@mousetrail/policies/selectors/fieldSelector";
import { matchesAnySelector } from "@mousetrail/policies/selectors/matchesSelector";

/**
 * Enough of a DOM element for the recorder's masking decisions in unit tests: a tag, attributes,
 * a parent, and `matches`/`closest` for the selector subset tenants may use (the policy's own
 * parser, which accepts only selectors that mean the same in CSS). The browser tests run the same
 * code against Chromium's real `Element.matches`.
 */
export class FakeElement {
  readonly nodeType = 1;
  readonly tagName: string;

  constructor(
    tagName: string,
    readonly attributes: Readonly<Record<string, string>> = {},
    readonly parentElement: FakeElement | null = null,
  ) {
    this.tagName = tagName.toUpperCase();
  }

  /** Like the DOM property: an input's type, lower case, "text" when missing or unknown. */
  get type(): string {
    const tag = this.tagName.toLowerCase();
    if (tag === "textarea") return "textarea";
    if (tag === "select") return "select-one";
    return (this.attributes.type ?? "text").toLowerCase();
  }

  getAttribute(name: string): string | null {
    return this.attributes[name] ?? null;
  }

  hasAttribute(name: string): boolean {
    return name in this.attributes;
  }

  matches(selectors: string): boolean {
    const parsed = parseSelectorList(selectors);
    if (!parsed.ok) throw new SyntaxError(parsed.error);
    return matchesAnySelector({ tagName: this.tagName, attributes: this.attributes }, parsed.selectors);
  }

  closest(selectors: string): FakeElement | null {
    for (let element: FakeElement | null = this; element; element = element.parentElement) {
      if (element.matches(selectors)) return element;
    }
    return null;
  }

  /** The element as the recorder's functions take it. */
  get asElement(): Element {
    return this as unknown as Element;
  }
}

/** A selector validity check like the browser's, for the subset above. */
export function isValidTestSelector(selector: string): boolean {
  return parseSelectorList(selector).ok;
}
