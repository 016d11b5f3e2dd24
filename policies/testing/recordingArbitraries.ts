import fc from "fast-check";
import { documentNode, element, fullSnapshot, inputEvent, mutation, text, type SerializedNode } from "./rrwebEvents.js";

/**
 * fast-check generators of rrweb recordings with planted values. Values typed into sensitive
 * fields are drawn from an alphabet (Greek letters and an emoji) that appears nowhere else, so a
 * single character of one in the masked output is a leak. Values of non-sensitive fields are
 * Cyrillic, page text is lower-case Latin.
 */
const secretAlphabet = [..."αβγδεζηθικλμνξοπρστυφχψω😀"];
export const secretCharacters: ReadonlySet<string> = new Set(secretAlphabet);

const secretText = fc.array(fc.constantFrom(...secretAlphabet), { minLength: 1, maxLength: 12 }).map((characters) => characters.join(""));
const publicText = fc.array(fc.constantFrom(..."абвгдежзий "), { minLength: 1, maxLength: 12 }).map((characters) => characters.join(""));
const pageText = fc.stringMatching(/^[a-z][a-z ]{0,11}$/);

export const fieldKinds = ["text-input", "password", "card", "hidden", "textarea", "editable", "select"] as const;
type FieldKind = (typeof fieldKinds)[number];

interface FieldModel {
  readonly kind: "field";
  readonly field: FieldKind;
  /** Carries the `public` class, which the generated policies list as non-sensitive. */
  readonly nonSensitive: boolean;
  readonly initial: string;
  readonly typed: readonly string[];
}
interface TextModel {
  readonly kind: "text";
  readonly text: string;
}
interface ContainerModel {
  readonly kind: "container";
  readonly tag: "div" | "form" | "section";
  readonly boundary: "none" | "shadow" | "iframe";
  readonly children: readonly NodeModel[];
}
type NodeModel = FieldModel | TextModel | ContainerModel;

const neverCaptureKinds: ReadonlySet<FieldKind> = new Set(["password", "card"]);

const fieldModel: fc.Arbitrary<FieldModel> = fc
  .record({ field: fc.constantFrom(...fieldKinds), nonSensitive: fc.boolean() })
  .chain(({ field, nonSensitive }) => {
    // A non-sensitive password or card field still holds secrets: MS-2.4 must drop them.
    const value = nonSensitive && !neverCaptureKinds.has(field) ? publicText : secretText;
    return fc.record({
      kind: fc.constant("field" as const),
      field: fc.constant(field),
      nonSensitive: fc.constant(nonSensitive),
      initial: value,
      typed: fc.array(value, { maxLength: 3 }),
    });
  });

const { node: nodeModel } = fc.letrec<{ node: NodeModel; container: ContainerModel }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    fieldModel,
    pageText.map((content): TextModel => ({ kind: "text", text: content })),
    tie("container"),
  ),
  container: fc.record({
    kind: fc.constant("container" as const),
    tag: fc.constantFrom("div" as const, "form" as const, "section" as const),
    boundary: fc.constantFrom("none" as const, "shadow" as const, "iframe" as const),
    children: fc.array(tie("node"), { maxLength: 4 }),
  }),
}));

export interface GeneratedRecording {
  readonly events: Record<string, unknown>[];
  /** Ids of password and card fields, whose values must be removed rather than masked. */
  readonly neverCaptureIds: ReadonlySet<number>;
  /** Ids of selects, whose masked values have a fixed length (MS-1.5). */
  readonly choiceIds: ReadonlySet<number>;
}

export const recordingArbitrary: fc.Arbitrary<GeneratedRecording> = fc
  .array(fc.record({ model: nodeModel, addedLater: fc.boolean() }), { minLength: 1, maxLength: 5 })
  .map(toRecording);

function toRecording(roots: readonly { model: NodeModel; addedLater: boolean }[]): GeneratedRecording {
  let nextId = 5; // fullSnapshot() takes ids 1-4; the body is 4.
  const neverCaptureIds = new Set<number>();
  const choiceIds = new Set<number>();
  const iframeAttachments: Record<string, unknown>[] = [];
  const typing: Record<string, unknown>[] = [];

  const serialize = (model: NodeModel, extra: Record<string, unknown> = {}): SerializedNode => {
    const id = nextId++;
    if (model.kind === "text") return text(id, model.text, extra);
    if (model.kind === "container") {
      if (model.boundary === "iframe") {
        const frameDocument = documentNode(nextId++, [
          element(nextId++, "html", {}, [element(nextId++, "body", {}, model.children.map((child) => serialize(child)))]),
        ]);
        iframeAttachments.push(mutation({ adds: [{ parentId: id, nextId: null, node: frameDocument }], isAttachIframe: true }));
        return element(id, "iframe", {}, [], extra);
      }
      const shadow = model.boundary === "shadow";
      const children = model.children.map((child) => serialize(child, shadow ? { isShadow: true } : {}));
      return element(id, model.tag, {}, children, shadow ? { ...extra, isShadowHost: true } : extra);
    }
    const className = model.nonSensitive ? "public" : "field";
    if (neverCaptureKinds.has(model.field)) neverCaptureIds.add(id);
    switch (model.field) {
      case "text-input":
      case "password":
      case "hidden":
      case "card": {
        const attributes: Record<string, unknown> =
          model.field === "card" ? { autocomplete: "cc-number" } : { type: model.field === "text-input" ? "text" : model.field };
        model.typed.forEach((typed, index) => {
          typing.push(index === 0 ? mutation({ attributes: [{ id, attributes: { value: typed } }] }) : inputEvent(id, typed));
        });
        return element(id, "input", { ...attributes, class: className, value: model.initial }, [], extra);
      }
      case "textarea":
        model.typed.forEach((typed) => typing.push(inputEvent(id, typed)));
        return element(id, "textarea", { class: className }, [text(nextId++, model.initial)], extra);
      case "editable": {
        const textId = nextId++;
        model.typed.forEach((typed) => typing.push(mutation({ texts: [{ id: textId, value: typed }] })));
        return element(id, "div", { class: className, contenteditable: "true" }, [text(textId, model.initial)], extra);
      }
      case "select":
        choiceIds.add(id);
        model.typed.forEach((typed) => typing.push(inputEvent(id, typed)));
        return element(id, "select", { class: className, value: model.initial }, [
          element(nextId++, "option", { value: "a", selected: true }, [text(nextId++, "first choice")]),
        ], extra);
    }
  };

  const inSnapshot = roots.filter((root) => !root.addedLater).map((root) => serialize(root.model));
  const snapshot = fullSnapshot(inSnapshot);
  const lateAdds = roots
    .filter((root) => root.addedLater)
    .map((root) => mutation({ adds: [{ parentId: 4, nextId: null, node: serialize(root.model) }] }));
  return { events: [snapshot, ...lateAdds, ...iframeAttachments, ...typing], neverCaptureIds, choiceIds };
}
