import { EventType, IncrementalSource } from "@rrweb/types";
import type { EffectivePolicy } from "../effectivePolicy.js";
import { isRecord } from "../masking/eventShape.js";
import { maskEventName, maskEventPayload } from "../masking/maskEventPayload.js";
import { maskInputEvent } from "../masking/maskInputEvent.js";
import { documentRootContext } from "../masking/maskingContext.js";
import { emptyMaskingReport, type MaskingReport } from "../masking/maskingReport.js";
import { compileMaskingRules, type MaskingRules } from "../masking/maskingRules.js";
import { maskMutation } from "../masking/maskMutation.js";
import { maskSerializedNode, registerSerializedTree, type MaskingState } from "../masking/maskSerializedNode.js";
import { NodeRegistry } from "../masking/nodeRegistry.js";
import { scrubUrl } from "./scrubUrl.js";

export interface MaskedRecording {
  readonly events: unknown[];
  readonly report: MaskingReport;
}

/** Incremental sources that carry positions, ids and styles but nothing a visitor typed. */
const passThroughSources = new Set<number>([
  IncrementalSource.MouseMove,
  IncrementalSource.MouseInteraction,
  IncrementalSource.Scroll,
  IncrementalSource.ViewportResize,
  IncrementalSource.TouchMove,
  IncrementalSource.MediaInteraction,
  IncrementalSource.StyleSheetRule,
  IncrementalSource.Drag,
  IncrementalSource.StyleDeclaration,
  IncrementalSource.Selection,
  IncrementalSource.AdoptedStyleSheet,
  IncrementalSource.CustomElement,
  IncrementalSource.Font,
]);

export interface MaskingOptions {
  /**
   * The caller hands over events nobody else holds (just parsed from a request or decoded from
   * storage): they are masked where they are instead of copied first, which is a third of the
   * masking's cost. The input array must not be read afterwards: an event dropped as unmaskable
   * may be left half masked in it.
   */
  inPlace?: boolean;
}

/**
 * Masking rules compiled once per effective policy (policies are resolved once and frozen, and a
 * site's is shared by all its batches), not once per batch: the selectors are parsed here.
 */
const compiledRules = new WeakMap<EffectivePolicy["masking"], MaskingRules>();

function compiledRulesOf(masking: EffectivePolicy["masking"]): MaskingRules {
  let rules = compiledRules.get(masking);
  // Stryker disable next-line ConditionalExpression: a cache only; compiling again gives the same rules.
  if (!rules) compiledRules.set(masking, (rules = compileMaskingRules(masking)));
  return rules;
}

/**
 * The server-side masking of a batch of rrweb events (MS-1.5, MS-1.6, MS-2.4; MS-1.3 for page
 * URLs). The server never trusts the recorder's own masking: everything is masked again here.
 *
 * - Full snapshots and mutation adds: input, textarea and select values, contenteditable and
 *   textarea text, shadow DOM and same-origin iframe documents alike; page text too under
 *   `all-text`; blocked elements emptied (see masking/maskSerializedNode.ts).
 * - Attribute and text mutations and input events: masked by what their node id names, from a
 *   `NodeRegistry` of the nodes seen so far (pass the same registry for every batch of a session).
 * - Meta events: the page URL goes through `scrubUrl`.
 * - Custom events (the page's own `addCustomEvent(tag, payload)`): the payload is page text, its
 *   strings (and keys that are not plain property names) masked as page text under `all-text`;
 *   plugin events (console logs, network bodies, which may hold what a visitor entered): every
 *   such string and key masked, whatever the level. Numbers, booleans and the shape are kept; a tag or plugin name that is not a short
 *   identifier is masked; what is kept is searched by the PII detectors like everything else.
 * - Dropped whole, and reported: canvas mutations and the deprecated log source (drawn or logged
 *   text cannot be masked), asset events (image payloads), custom and plugin payloads nested
 *   deeper than 32 levels, unknown event types, and malformed events. An event that cannot be
 *   masked is never kept.
 *
 * The input is not modified (unless `inPlace`); the output holds masked copies. Never throws.
 */
export function maskRecordingEvents(
  events: unknown[],
  policy: EffectivePolicy,
  registry: NodeRegistry = new NodeRegistry(),
  options: MaskingOptions = {},
): MaskedRecording {
  const report = emptyMaskingReport();
  if (!Array.isArray(events)) {
    report.droppedEvents.push({ index: -1, reason: "not a list of events" });
    return { events: [], report };
  }
  const state: MaskingState = { registry, rules: compiledRulesOf(policy.masking), report };
  const masked: unknown[] = [];
  events.forEach((event, index) => {
    try {
      const copy: unknown = options.inPlace ? event : structuredClone(event);
      const outcome = maskEvent(copy, state, policy);
      if (outcome === "keep") masked.push(copy);
      else report.droppedEvents.push({ index, reason: outcome });
    } catch {
      // Not cloneable, nested beyond the stack, or otherwise beyond masking: dropped, not kept.
      report.droppedEvents.push({ index, reason: "malformed event" });
    }
  });
  return { events: masked, report };
}

function maskEvent(event: unknown, state: MaskingState, policy: EffectivePolicy): "keep" | string {
  if (!isRecord(event) || typeof event.type !== "number") return "malformed event";
  const data = event.data;
  switch (event.type) {
    case EventType.DomContentLoaded:
    case EventType.Load:
      return "keep";
    case EventType.Custom:
      if (!isRecord(data) || typeof data.tag !== "string") return "malformed custom event";
      return maskNamedPayload(data, "tag", state.rules.maskAllText, state) ? "keep" : "custom event payload nested too deep";
    case EventType.Meta:
      if (!isRecord(data) || typeof data.href !== "string") return "malformed meta event";
      data.href = scrubUrl(data.href, policy) ?? "";
      return "keep";
    case EventType.FullSnapshot:
      if (!isRecord(data) || !isRecord(data.node)) return "malformed full snapshot";
      registerSerializedTree(data.node, null, state.registry);
      return maskSerializedNode(data.node, documentRootContext, state) ? "keep" : "malformed full snapshot";
    case EventType.IncrementalSnapshot:
      if (!isRecord(data) || typeof data.source !== "number") return "malformed incremental snapshot";
      return maskIncrementalSnapshot(data, state);
    case EventType.Plugin:
      if (!isRecord(data) || typeof data.plugin !== "string") return "malformed plugin event";
      return maskNamedPayload(data, "plugin", true, state) ? "keep" : "plugin event payload nested too deep";
    case EventType.Asset:
      return "asset events are not recorded";
    default:
      return "unknown event type";
  }
}

/** MS-1.5: a custom or plugin event's name and payload, masked in place; false when it must go. */
function maskNamedPayload(data: Record<string, unknown>, nameField: "tag" | "plugin", maskStrings: boolean, state: MaskingState): boolean {
  const { maskCharacter } = state.rules;
  data[nameField] = maskEventName(data[nameField] as string, maskCharacter);
  const masked = maskEventPayload(data.payload, maskStrings, maskCharacter, state.report);
  if (!masked) return false;
  data.payload = masked.payload;
  return true;
}

function maskIncrementalSnapshot(data: Record<string, unknown>, state: MaskingState): "keep" | string {
  if (data.source === IncrementalSource.Mutation) {
    maskMutation(data, state);
    return "keep";
  }
  if (data.source === IncrementalSource.Input) {
    return maskInputEvent(data, state) ? "keep" : "input event on a blocked element or malformed";
  }
  if (data.source === IncrementalSource.CanvasMutation) return "canvas mutations are not recorded";
  if (passThroughSources.has(data.source as number)) return "keep";
  return "unknown incremental source";
}
