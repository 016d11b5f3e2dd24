import { documentRootContext, enterElement, unknownAncestryContext, type MaskingContext } from "./maskingContext.js";
import { treatElement, type ElementTreatment, type MaskingRules } from "./maskingRules.js";

interface ElementEntry {
  readonly kind: "element";
  parentId: number | null;
  tagName: string;
  attributes: Record<string, unknown>;
  /** Once a password or card field, always one, even after a "show password" toggle. */
  stickyNeverCapture: boolean;
  /** Once blocked, always blocked, so content never leaks out of it later. */
  stickyBlocked: boolean;
}

/** A node that is not an element (the document, text, a comment...): only its place in the tree counts. */
interface OtherEntry {
  readonly kind: "other";
  parentId: number | null;
}

type NodeEntry = ElementEntry | OtherEntry;

/** How far up an ancestor chain is followed before it is treated as unknown (or a cycle). */
const maximumDepth = 10_000;

/**
 * The node id -> node map of one recording, built from full snapshots and mutation adds, so that
 * incremental events (which carry only a node id) can be masked by what the node is and where it
 * sits. Keep one per recording session across batches; a fresh registry treats every node it has
 * not seen as of unknown ancestry and masks its content (`unknownAncestryContext`).
 */
export class NodeRegistry {
  readonly #nodes = new Map<number, NodeEntry>();

  /** Nodes registered: what the registry costs in memory (a cache of registries bounds their sum). */
  get size(): number {
    return this.#nodes.size;
  }

  registerElement(id: number, parentId: number | null, tagName: string, attributes: Record<string, unknown>): void {
    const previous = this.#nodes.get(id);
    // Stryker disable next-line ConditionalExpression: a text or document node has no sticky flags, so reading them off it gives undefined and the `?? false` below, as when the check holds
    const sticky = previous?.kind === "element" ? previous : undefined;
    this.#nodes.set(id, {
      kind: "element",
      parentId,
      tagName,
      attributes: { ...attributes },
      stickyNeverCapture: sticky?.stickyNeverCapture ?? false,
      stickyBlocked: sticky?.stickyBlocked ?? false,
    });
  }

  registerOther(id: number, parentId: number | null): void {
    // Stryker disable next-line StringLiteral: only "element" is ever asked for.
    this.#nodes.set(id, { kind: "other", parentId });
  }

  /** An element's attributes as last seen (entered values excepted), or null for other nodes. */
  attributesOf(id: number): Readonly<Record<string, unknown>> | null {
    const entry = this.#nodes.get(id);
    return entry?.kind === "element" ? entry.attributes : null;
  }

  /**
   * Applies an attribute mutation (null removes the attribute). The element is judged before the
   * change, so a password field whose type becomes `text` is already latched as never-capture.
   * Entered values (`value`) are not kept.
   */
  updateAttributes(id: number, changes: Readonly<Record<string, unknown>>, rules: MaskingRules): void {
    const entry = this.#nodes.get(id);
    if (entry?.kind !== "element") return;
    this.treatment(id, rules);
    for (const [name, value] of Object.entries(changes)) {
      if (name === "value") continue;
      if (value === null) delete entry.attributes[name];
      else entry.attributes[name] = value;
    }
  }

  /** The element's own treatment under the rules, recording never-capture and blocked as sticky. */
  treatment(id: number, rules: MaskingRules): ElementTreatment | null {
    const entry = this.#nodes.get(id);
    if (entry?.kind !== "element") return null;
    const treatment = treatElement(entry.tagName, entry.attributes, rules, {
      neverCapture: entry.stickyNeverCapture,
      blocked: entry.stickyBlocked,
    });
    entry.stickyNeverCapture = treatment.neverCapture;
    entry.stickyBlocked = treatment.blocked;
    return treatment;
  }

  /**
   * The context of a node including itself when it is an element: its ancestor chain folded
   * from the root down. A chain that ends in a node never seen is of unknown ancestry.
   */
  contextOf(id: number, rules: MaskingRules): { context: MaskingContext; known: boolean } {
    const chain: number[] = [];
    let current: number | null = id;
    let known = true;
    while (current !== null) {
      const entry = this.#nodes.get(current);
      if (!entry || chain.length >= maximumDepth) {
        known = false;
        break;
      }
      chain.push(current);
      current = entry.parentId;
    }
    let context = known ? documentRootContext : unknownAncestryContext;
    for (const ancestorId of chain.reverse()) {
      const treatment = this.treatment(ancestorId, rules);
      if (treatment) context = enterElement(context, treatment);
    }
    return { context, known };
  }
}
