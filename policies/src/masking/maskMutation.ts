import { isAttributeValue, isNodeId, isRecord } from "./eventShape.js";
import { maskElementAttributes } from "./maskElementAttributes.js";
import { unknownAncestryContext } from "./maskingContext.js";
import { treatElement } from "./maskingRules.js";
import { maskNodeText } from "./maskNodeText.js";
import { maskSerializedNode, registerSerializedTree, type MaskingState } from "./maskSerializedNode.js";

type MutationPart = Record<string, unknown>;

/**
 * Masks an rrweb mutation (`IncrementalSource.Mutation`) in place. The parts are handled in the
 * order that lets each see the final state of the others: added trees are registered, attribute
 * changes applied to the registry, then added trees, attribute changes and text changes are
 * masked. Malformed parts, and parts about nodes inside blocked elements, are dropped and counted;
 * the rest of the mutation is kept.
 */
export function maskMutation(data: Record<string, unknown>, state: MaskingState): void {
  const { registry, rules, report } = state;
  const keep = (parts: MutationPart[], isKept: (part: MutationPart) => boolean): MutationPart[] => {
    const kept = parts.filter(isKept);
    report.droppedParts += parts.length - kept.length;
    return kept;
  };
  const wellFormed = (name: "adds" | "removes" | "texts" | "attributes", isWellFormed: (part: MutationPart) => boolean) => {
    const list: unknown = data[name];
    if (list === undefined) return [];
    if (!Array.isArray(list)) {
      report.droppedParts++;
      return [];
    }
    const records: MutationPart[] = list.filter(isRecord);
    report.droppedParts += list.length - records.length;
    return keep(records, isWellFormed);
  };
  const contextOf = (id: number) => {
    const { context, known } = registry.contextOf(id, rules);
    if (!known) report.unknownNodeTargets++;
    return context;
  };

  const adds = wellFormed("adds", (add) => isNodeId(add.parentId) && isRecord(add.node));
  const attributeChanges = wellFormed("attributes", (change) => isNodeId(change.id) && isRecord(change.attributes));
  const texts = wellFormed("texts", (change) => isNodeId(change.id) && (typeof change.value === "string" || change.value === null));
  const removes = wellFormed("removes", (remove) => isNodeId(remove.id) && isNodeId(remove.parentId));

  for (const add of adds) registerSerializedTree(add.node, add.parentId as number, registry);
  for (const change of attributeChanges) {
    // MS-1.5: a value rrweb never records (a list, an object) cannot be masked, so it goes, as in a
    // snapshot; kept, `{ value: ["jane@example.com"] }` passed through in clear.
    for (const [name, value] of Object.entries(change.attributes as Record<string, unknown>)) {
      if (isAttributeValue(value)) continue;
      delete (change.attributes as Record<string, unknown>)[name];
      report.droppedParts++;
    }
    registry.updateAttributes(change.id as number, change.attributes as Record<string, unknown>, rules);
  }

  data.adds = keep(adds, (add) => {
    const parentContext = contextOf(add.parentId as number);
    return !parentContext.blocked && maskSerializedNode(add.node, parentContext, state);
  });

  data.attributes = keep(attributeChanges, (change) => {
    const id = change.id as number;
    const changed = change.attributes as Record<string, unknown>;
    const context = contextOf(id);
    if (context.blocked) return false;
    const known = registry.attributesOf(id);
    if (known) {
      maskElementAttributes(changed, known, registry.treatment(id, rules)!, context, rules, report);
    } else {
      // An element never seen is judged by the changed attributes alone, as of unknown ancestry,
      // and as if it were an input holding a choice, so a `value` it is given is masked (or
      // removed) whatever it is, to a length that says nothing.
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: for an element never seen, every value is masked to a fixed length and blocking is decided by its context, whatever these flags say.
      const treatment = { ...treatElement("input", changed, rules, { neverCapture: false, blocked: false }), holdsChoice: true };
      maskElementAttributes(changed, changed, treatment, unknownAncestryContext, rules, report);
    }
    return Object.keys(changed).length > 0;
  });

  data.texts = keep(texts, (change) => {
    const context = contextOf(change.id as number);
    if (context.blocked) return false;
    if (typeof change.value === "string") change.value = maskNodeText(change.value, context, false, rules, report);
    return true;
  });

  // The removal of a node inside a blocked element would name a node the replay never had.
  data.removes = keep(removes, (remove) => !contextOf(remove.parentId as number).blocked);
}
