import { NodeType } from "@rrweb/types";
import { isAttributeValue, isNodeId, isRecord } from "./eventShape.js";
import { maskElementAttributes } from "./maskElementAttributes.js";
import { enterElement, type MaskingContext } from "./maskingContext.js";
import type { MaskingReport } from "./maskingReport.js";
import type { MaskingRules } from "./maskingRules.js";
import { maskNodeText } from "./maskNodeText.js";
import type { NodeRegistry } from "./nodeRegistry.js";

export interface MaskingState {
  readonly registry: NodeRegistry;
  readonly rules: MaskingRules;
  readonly report: MaskingReport;
}

/**
 * Records a serialized node tree (a full snapshot, or a mutation add) in the registry before it is
 * masked, so that an attribute mutation in the same event is seen by the masking of the tree, and
 * the nodes inside a blocked element stay known as such after the element is emptied.
 * Entered values are not kept in the registry: only what selectors and field rules look at.
 */
export function registerSerializedTree(node: unknown, parentId: number | null, registry: NodeRegistry): void {
  if (!isRecord(node) || !isNodeId(node.id)) return;
  // Stryker disable next-line ConditionalExpression: a node of another type with a tag name and attributes is malformed; its masking drops it whatever the registry holds.
  if (node.type === NodeType.Element && typeof node.tagName === "string" && isRecord(node.attributes)) {
    const { value: _enteredValue, ...attributes } = node.attributes;
    registry.registerElement(node.id, parentId, node.tagName, attributes);
  } else {
    registry.registerOther(node.id, parentId);
  }
  if (Array.isArray(node.childNodes)) {
    for (const child of node.childNodes) registerSerializedTree(child, node.id, registry);
  }
}

/**
 * Masks a registered serialized node and its children in place, given the context of its parent.
 * Returns false when the node is malformed and must be dropped from its parent.
 */
export function maskSerializedNode(node: unknown, parentContext: MaskingContext, state: MaskingState): boolean {
  if (!isRecord(node) || !isNodeId(node.id)) {
    state.report.droppedParts++;
    return false;
  }
  switch (node.type) {
    case NodeType.Document:
      return maskChildren(node, parentContext, state);
    case NodeType.DocumentType:
      return true;
    case NodeType.Element:
      return maskElementNode(node, node.id, parentContext, state);
    case NodeType.Text:
    case NodeType.Comment:
    case NodeType.CDATA:
      if (typeof node.textContent !== "string") break;
      node.textContent = maskNodeText(node.textContent, parentContext, node.isStyle === true, state.rules, state.report);
      return true;
  }
  state.report.droppedParts++;
  return false;
}

function maskElementNode(node: Record<string, unknown>, id: number, parentContext: MaskingContext, state: MaskingState): boolean {
  const treatment = state.registry.treatment(id, state.rules);
  if (!treatment || !isRecord(node.attributes)) {
    state.report.droppedParts++;
    return false;
  }
  const context = enterElement(parentContext, treatment);
  if (context.blocked) {
    // Reduced to what rrweb itself records for a blocked element: an empty box of the same size.
    const { class: className, rr_width, rr_height } = node.attributes;
    node.attributes = Object.fromEntries(
      Object.entries({ class: className, rr_width, rr_height }).filter(([, value]) => typeof value === "string"),
    );
    node.childNodes = [];
    state.report.blockedElements++;
    return true;
  }

  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(node.attributes)) {
    // Snapshot attributes are strings, numbers, `true` or null; anything else is not rrweb's.
    if (isAttributeValue(value)) attributes[name] = value;
    else state.report.droppedParts++;
  }
  maskElementAttributes(attributes, attributes, treatment, context, state.rules, state.report);
  node.attributes = attributes;
  return maskChildren(node, context, state);
}

function maskChildren(node: Record<string, unknown>, context: MaskingContext, state: MaskingState): boolean {
  if (node.childNodes === undefined) return true;
  if (!Array.isArray(node.childNodes)) {
    state.report.droppedParts++;
    node.childNodes = [];
    return true;
  }
  node.childNodes = node.childNodes.filter((child: unknown) => maskSerializedNode(child, context, state));
  return true;
}
