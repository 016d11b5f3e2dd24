import { EventType, IncrementalSource } from "@rrweb/types";
import { describe, expect, it } from "vitest";
import { maxInlineImageChars } from "../masking/maskElementAttributes.js";
import { NodeRegistry } from "../masking/nodeRegistry.js";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import {
  allStrings,
  documentNode,
  element,
  eventData,
  fullSnapshot,
  inputEvent,
  meta,
  mutation,
  serializedNodeById,
  text,
} from "../../testing/rrwebEvents.js";
import { maskRecordingEvents } from "./maskRecordingEvents.js";

const inputsOnly = effectivePolicyFor({ textMasking: "inputs-only" });
const allText = effectivePolicyFor({ textMasking: "all-text" });

function attributesOf(events: unknown[], id: number): Record<string, unknown> {
  return serializedNodeById(events, id)?.attributes as Record<string, unknown>;
}

function textOf(events: unknown[], id: number): unknown {
  return serializedNodeById(events, id)?.textContent;
}

describe("maskRecordingEvents: copies or masks in place", () => {
  const recording = () => [
    fullSnapshot([element(10, "input", { name: "card-holder", value: "Jane Doe" }), element(11, "p", {}, [text(12, "Hello")])]),
    inputEvent(10, "Jane D"),
    mutation({ adds: [{ parentId: 11, nextId: null, node: element(13, "input", { value: "secret" }) }] }),
  ];

  it("MS-1.5 leaves its input untouched by default", () => {
    const events = recording();
    maskRecordingEvents(events, inputsOnly);
    expect(events).toEqual(recording());
  });

  it("MS-1.5 masks in place what the caller hands over, to the same result as a copy, for every batch it is given", () => {
    for (const policy of [inputsOnly, allText]) {
      const copied = maskRecordingEvents(recording(), policy);
      const events = recording();
      const inPlace = maskRecordingEvents(events, policy, undefined, { inPlace: true });
      expect(inPlace).toEqual(copied);
      expect(inPlace.events[0]).toBe(events[0]);
      expect(JSON.stringify(events)).not.toContain("Jane");
    }
  });
});

describe("maskRecordingEvents: entered text (MS-1.5)", () => {
  it("MS-1.5 masks an input's value in a full snapshot with one asterisk per character", () => {
    const events = [fullSnapshot([element(10, "input", { type: "email", name: "email", value: "jane@example.com" })])];
    const { events: masked, report } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked, 10)).toEqual({ type: "email", name: "email", value: "****************" });
    expect(report.maskedValues).toBe(1);
  });

  it("MS-1.5 masks every typed character of input events, preserving length in code points", () => {
    const events = [fullSnapshot([element(10, "input", { name: "note" })]), inputEvent(10, "héllo 😀 wörld")];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(eventData(masked[1])).toMatchObject({ source: IncrementalSource.Input, id: 10, text: "*************" });
  });

  it("MS-1.5 masks a textarea's value and its text children", () => {
    const events = [
      fullSnapshot([
        element(10, "textarea", { value: "call me on 020 7946 0958" }),
        element(11, "textarea", {}, [text(12, "Prefilled\nnotes")]),
      ]),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked, 10).value).toBe("*".repeat(24));
    expect(textOf(masked, 12)).toBe("*".repeat(15));
  });

  it("MS-1.5 masks contenteditable text in the snapshot and in text mutations as the visitor types", () => {
    const events = [
      fullSnapshot([element(10, "div", { contenteditable: "true" }, [element(11, "p", {}, [text(12, "Dear team")])])]),
      mutation({ texts: [{ id: 12, value: "Dear team, my IBAN is DE89" }] }),
      mutation({ adds: [{ parentId: 10, nextId: null, node: text(13, "new line") }] }),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(textOf(masked, 12)).toBe("*********");
    expect(eventData(masked[1]).texts).toEqual([{ id: 12, value: "*".repeat(26) }]);
    expect(textOf(masked.slice(2), 13)).toBe("********");
  });

  it("MS-1.5 masks a select's value and input events to a fixed length, and its options' values and labels", () => {
    const events = [
      fullSnapshot([
        element(10, "select", { name: "country", value: "DE" }, [
          element(11, "option", { value: "" }, [text(12, "Choose")]),
          element(13, "option", { value: "DE", selected: true }, [text(14, "Germany")]),
          element(15, "optgroup", { label: "Far away" }, [element(16, "option", { value: "United Kingdom of Great Britain", label: "UK" }, [text(17, "United Kingdom")])]),
        ]),
      ]),
      inputEvent(10, "GB"),
      inputEvent(10, "United Kingdom of Great Britain"),
      mutation({ texts: [{ id: 14, value: "Deutschland" }], attributes: [{ id: 13, attributes: { value: "DEU" } }] }),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    // Every masked choice has the same length, whatever was chosen: the length tells nothing.
    expect(attributesOf(masked, 10).value).toBe("********");
    expect(eventData(masked[1]).text).toBe("********");
    expect(eventData(masked[2]).text).toBe("********");
    expect(attributesOf(masked, 11)).toEqual({ value: "********" });
    expect(attributesOf(masked, 13)).toEqual({ value: "********" });
    expect(attributesOf(masked, 15)).toEqual({ label: "*** ****" });
    expect(attributesOf(masked, 16)).toEqual({ value: "********", label: "**" });
    // The labels cannot be matched back to the choice either.
    expect([textOf(masked, 12), textOf(masked, 14), textOf(masked, 17)]).toEqual(["******", "*******", "****** *******"]);
    expect(eventData(masked[3])).toMatchObject({ texts: [{ id: 14, value: "***********" }], attributes: [{ id: 13, attributes: { value: "********" } }] });
  });

  it("MS-1.5 masks radio button values to a fixed length", () => {
    const events = [
      fullSnapshot([
        element(10, "input", { type: "radio", name: "size", value: "S" }),
        element(11, "input", { type: "radio", name: "size", value: "XXL", checked: true }),
      ]),
      inputEvent(11, "XXL", true),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked, 10).value).toBe("********");
    expect(attributesOf(masked, 11)).toEqual({ type: "radio", name: "size", value: "********", checked: true });
    expect(eventData(masked[1])).toMatchObject({ text: "********", isChecked: true });
  });

  it("MS-1.5 masks inputs inside shadow DOM", () => {
    const events = [
      fullSnapshot([
        element(10, "support-card", {}, [element(11, "input", { name: "name", value: "Jane" }, [], { isShadow: true })], {
          isShadowHost: true,
        }),
      ]),
      inputEvent(11, "Jane Doe"),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked, 11).value).toBe("****");
    expect(eventData(masked[1]).text).toBe("********");
  });

  it("MS-1.5 masks inputs inside a same-origin iframe attached by a mutation, and their input events", () => {
    const iframeDocument = documentNode(20, [
      element(21, "html", {}, [element(22, "body", {}, [element(23, "input", { type: "email", value: "frame@example.com" })])]),
    ]);
    const events = [
      fullSnapshot([element(10, "iframe", { id: "frame" })]),
      mutation({ adds: [{ parentId: 10, nextId: null, node: iframeDocument }], isAttachIframe: true }),
      inputEvent(23, "frame.jane@example.com"),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked.slice(1), 23).value).toBe("*".repeat(17));
    expect(eventData(masked[2]).text).toBe("*".repeat(22));
  });

  it("MS-1.5 masks values set by attribute mutations and values of inputs added later", () => {
    const events = [
      fullSnapshot([element(10, "form", {}, [element(11, "input", { name: "email" })])]),
      mutation({
        attributes: [{ id: 11, attributes: { value: "attr@example.com", class: "filled" } }],
        adds: [{ parentId: 10, nextId: null, node: element(12, "input", { name: "phone", value: "+44 20 7946 0958" }) }],
      }),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(eventData(masked[1]).attributes).toEqual([{ id: 11, attributes: { value: "*".repeat(16), class: "filled" } }]);
    expect(attributesOf(masked.slice(1), 12).value).toBe("*".repeat(16));
  });

  it("MS-1.5 masks input events on nodes it has never seen to a fixed length (they may be choices), and reports them", () => {
    const { events: masked, report } = maskRecordingEvents([inputEvent(99, "secret")], inputsOnly);
    expect(eventData(masked[0]).text).toBe("********");
    expect(report.unknownNodeTargets).toBe(1);
  });

  it("MS-1.5 masks with the policy's mask character", () => {
    const hashMasked = { ...inputsOnly, masking: { ...inputsOnly.masking, maskCharacter: "#" } };
    const { events: masked } = maskRecordingEvents([inputEvent(99, "abc")], hashMasked);
    expect(eventData(masked[0]).text).toBe("########");
  });

  it("MS-1.5 masks hidden inputs, and checkbox values to a fixed length, but keeps whether a box is ticked", () => {
    const events = [
      fullSnapshot([
        element(10, "input", { type: "hidden", value: "customer-jane@example.com" }),
        element(11, "input", { type: "checkbox", value: "yes", checked: true }),
      ]),
      inputEvent(11, "yes", true),
    ];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked, 10).value).toBe("*".repeat(25));
    expect(attributesOf(masked, 11)).toEqual({ type: "checkbox", value: "********", checked: true });
    expect(eventData(masked[1])).toMatchObject({ text: "********", isChecked: true });
  });

  it("MS-1.5 does not modify the events it is given", () => {
    const events = [fullSnapshot([element(10, "input", { value: "jane@example.com" })]), inputEvent(10, "jane")];
    const before = JSON.stringify(events);
    maskRecordingEvents(events, inputsOnly);
    expect(JSON.stringify(events)).toBe(before);
  });
});

describe("maskRecordingEvents: non-sensitive fields (MS-1.6)", () => {
  const policy = effectivePolicyFor({
    textMasking: "inputs-only",
    nonSensitiveSelectors: ["#site-search", "input.qty", "[name=coupon]", "#notes", "#country"],
    maskedSelectors: [".private"],
  });

  it("MS-1.6 keeps typed characters of fields matching a non-sensitive selector and masks the rest", () => {
    const events = [
      fullSnapshot([
        element(10, "input", { id: "site-search", value: "red shoes" }),
        element(11, "input", { class: "form qty", value: "3" }),
        element(12, "input", { name: "coupon", value: "SPRING" }),
        element(13, "input", { name: "email", value: "jane@example.com" }),
      ]),
      inputEvent(10, "red shoes!"),
      inputEvent(11, "4"),
      inputEvent(13, "jane"),
    ];
    const { events: masked } = maskRecordingEvents(events, policy);
    expect(attributesOf(masked, 10).value).toBe("red shoes");
    expect(attributesOf(masked, 11).value).toBe("3");
    expect(attributesOf(masked, 12).value).toBe("SPRING");
    expect(attributesOf(masked, 13).value).toBe("*".repeat(16));
    expect(masked.slice(1).map((event) => eventData(event).text)).toEqual(["red shoes!", "4", "****"]);
  });

  it("MS-1.6 keeps a non-sensitive textarea's text and a non-sensitive select's choice", () => {
    const events = [
      fullSnapshot([
        element(10, "textarea", { id: "notes" }, [text(11, "Leave at the door")]),
        element(12, "select", { id: "country", value: "DE" }, [element(13, "option", { value: "DE", selected: true })]),
      ]),
    ];
    const { events: masked } = maskRecordingEvents(events, policy);
    expect(textOf(masked, 11)).toBe("Leave at the door");
    expect(attributesOf(masked, 12).value).toBe("DE");
    expect(attributesOf(masked, 13)).toEqual({ value: "DE", selected: true });
  });

  it("MS-1.6 masks a non-sensitive field inside an element a masked selector names", () => {
    const events = [
      fullSnapshot([element(10, "div", { class: "private" }, [element(11, "input", { id: "site-search", value: "red shoes" })])]),
      inputEvent(11, "red"),
    ];
    const { events: masked } = maskRecordingEvents(events, policy);
    expect(attributesOf(masked, 11).value).toBe("*********");
    expect(eventData(masked[1]).text).toBe("***");
  });

  it("MS-1.6 recognises a non-sensitive field in a later batch through the session's node registry", () => {
    const registry = new NodeRegistry();
    maskRecordingEvents([fullSnapshot([element(10, "input", { id: "site-search" })])], policy, registry);
    expect(eventData(maskRecordingEvents([inputEvent(10, "red")], policy, registry).events[0]).text).toBe("red");
    // Without the registry the field is unknown and so masked.
    expect(eventData(maskRecordingEvents([inputEvent(10, "red")], policy).events[0]).text).toBe("********");
  });

  it("MS-1.6 follows a field that becomes non-sensitive or sensitive through attribute mutations", () => {
    const events = [
      fullSnapshot([element(10, "input", { class: "form" })]),
      inputEvent(10, "2"),
      mutation({ attributes: [{ id: 10, attributes: { class: "form qty" } }] }),
      inputEvent(10, "3"),
    ];
    const { events: masked } = maskRecordingEvents(events, policy);
    expect([eventData(masked[1]).text, eventData(masked[3]).text]).toEqual(["*", "3"]);
  });
});

describe("maskRecordingEvents: passwords and payment cards (MS-2.4)", () => {
  const everythingNonSensitive = effectivePolicyFor({
    textMasking: "inputs-only",
    nonSensitiveSelectors: ["#password", "[name=cardnumber]", "#csc", "#expiry", "#otp", ".public"],
  });

  it("MS-2.4 removes a password input's value and empties its input events even when marked non-sensitive", () => {
    const events = [
      fullSnapshot([element(10, "input", { id: "password", type: "password", value: "Tr0ub4dor&3" })]),
      inputEvent(10, "Tr0ub4dor&3"),
    ];
    const { events: masked, report } = maskRecordingEvents(events, everythingNonSensitive);
    expect(attributesOf(masked, 10)).toEqual({ id: "password", type: "password" });
    expect(eventData(masked[1]).text).toBe("");
    expect(report.neverCapturedValues).toBe(2);
  });

  it.each([
    ["cc-number", { name: "cardnumber", autocomplete: "cc-number" }],
    ["cc-csc", { id: "csc", autocomplete: "cc-csc" }],
    ["a sectioned cc-exp", { id: "expiry", autocomplete: "section-pay billing cc-exp" }],
    ["one-time-code", { id: "otp", autocomplete: "one-time-code" }],
    ["new-password on a text input", { class: "public", type: "text", autocomplete: "new-password" }],
  ])("MS-2.4 removes the value of a %s field even when marked non-sensitive", (_name, attributes) => {
    const events = [fullSnapshot([element(10, "input", { ...attributes, value: "4111 1111 1111 1111" })]), inputEvent(10, "4111")];
    const { events: masked } = maskRecordingEvents(events, everythingNonSensitive);
    expect(attributesOf(masked, 10)).not.toHaveProperty("value");
    expect(eventData(masked[1]).text).toBe("");
  });

  it("MS-2.4 keeps a password field never-captured after a show-password toggle makes it type=text", () => {
    const events = [
      fullSnapshot([element(10, "input", { id: "password", type: "password" })]),
      mutation({ attributes: [{ id: 10, attributes: { type: "text" } }] }),
      inputEvent(10, "Tr0ub4dor&3"),
    ];
    const { events: masked } = maskRecordingEvents(events, everythingNonSensitive);
    expect(eventData(masked[2]).text).toBe("");
  });

  it("MS-2.4 honours rrweb's data-rr-is-password marker on a field first seen after its type changed", () => {
    const events = [
      fullSnapshot([element(10, "input", { id: "password", type: "text", "data-rr-is-password": "true", value: "hunter2" })]),
      inputEvent(10, "hunter2"),
    ];
    const { events: masked } = maskRecordingEvents(events, everythingNonSensitive);
    expect(attributesOf(masked, 10)).not.toHaveProperty("value");
    expect(eventData(masked[1]).text).toBe("");
  });

  it("MS-2.4 never captures a field that becomes a password field through an attribute mutation", () => {
    const events = [
      fullSnapshot([element(10, "input", { class: "public", type: "text" })]),
      mutation({ attributes: [{ id: 10, attributes: { type: "password", value: "hunter2" } }] }),
      inputEvent(10, "hunter2"),
    ];
    const { events: masked } = maskRecordingEvents(events, everythingNonSensitive);
    expect(eventData(masked[1]).attributes).toEqual([{ id: 10, attributes: { type: "password" } }]);
    expect(eventData(masked[2]).text).toBe("");
  });

  it("MS-2.4 removes the value of a password input added by a mutation", () => {
    const events = [
      fullSnapshot([element(10, "form")]),
      mutation({ adds: [{ parentId: 10, nextId: null, node: element(11, "input", { type: "password", value: "hunter2" }) }] }),
    ];
    const { events: masked } = maskRecordingEvents(events, everythingNonSensitive);
    expect(allStrings(masked)).not.toContain("hunter2");
  });
});

describe("maskRecordingEvents: page text, masked and blocked elements", () => {
  it("MS-1.7 masks every page text node under all-text, keeping whitespace and CSS", () => {
    const events = [
      fullSnapshot([
        element(10, "p", { title: "Jane's profile" }, [text(11, "Welcome back, Jane Doe\n")]),
        element(12, "style", { _cssText: "p { color: red; }" }, [text(13, "p { color: red; }", { isStyle: true })]),
        element(14, "input", { placeholder: "Search Jane's orders", type: "submit", value: "Pay now" }),
      ]),
      mutation({ texts: [{ id: 11, value: "Signed in as jane@example.com" }] }),
    ];
    const { events: masked } = maskRecordingEvents(events, allText);
    expect(textOf(masked, 11)).toBe("******* ***** **** ***\n");
    expect(attributesOf(masked, 10).title).toBe("****** *******");
    expect(textOf(masked, 13)).toBe("p { color: red; }");
    expect(attributesOf(masked, 14)).toMatchObject({ placeholder: "****** ****** ******", value: "*** ***" });
    expect(eventData(masked[1]).texts).toEqual([{ id: 11, value: "****** ** ** ****************" }]);
  });

  it("MS-1.7 keeps page text under inputs-only", () => {
    const events = [fullSnapshot([element(10, "p", {}, [text(11, "Welcome back")]), element(12, "input", { type: "submit", value: "Pay now" })])];
    const { events: masked } = maskRecordingEvents(events, inputsOnly);
    expect(textOf(masked, 11)).toBe("Welcome back");
    expect(attributesOf(masked, 12).value).toBe("Pay now");
  });

  it("MS-1.7 masks the text inside an element a masked selector names", () => {
    const policy = effectivePolicyFor({ textMasking: "inputs-only", maskedSelectors: ["#address"] });
    const events = [fullSnapshot([element(10, "p", { id: "address" }, [text(11, "221B Baker Street")]), element(12, "p", {}, [text(13, "Kept")])])];
    const { events: masked } = maskRecordingEvents(events, policy);
    expect(textOf(masked, 11)).toBe("**** ***** ******");
    expect(textOf(masked, 13)).toBe("Kept");
  });

  it("MS-1.7 empties a blocked element and drops every later event about its content", () => {
    const policy = effectivePolicyFor({ textMasking: "inputs-only", blockedSelectors: [".mt-block"] });
    const events = [
      fullSnapshot([
        element(10, "div", { class: "mt-block", id: "loyalty", rr_width: "300px", rr_height: "40px" }, [
          text(11, "Loyalty number 123-45-6789"),
          element(12, "input", { value: "123-45-6789" }),
        ]),
      ]),
      inputEvent(12, "123-45-6789"),
      mutation({
        texts: [{ id: 11, value: "Loyalty number 987-65-4321" }],
        adds: [{ parentId: 10, nextId: null, node: text(13, "added inside") }],
        attributes: [{ id: 12, attributes: { value: "x" } }],
        removes: [{ parentId: 10, id: 11 }],
      }),
    ];
    const { events: masked, report } = maskRecordingEvents(events, policy);
    expect(serializedNodeById(masked, 10)).toMatchObject({ attributes: { class: "mt-block", rr_width: "300px", rr_height: "40px" }, childNodes: [] });
    expect(masked).toHaveLength(2);
    expect(eventData(masked[1])).toMatchObject({ texts: [], adds: [], attributes: [], removes: [] });
    expect(allStrings(masked).join(" ")).not.toMatch(/123-45|987-65|added inside/);
    expect(report.blockedElements).toBe(1);
  });

  it("MS-1.7 removes an iframe's srcdoc, which is raw HTML outside node-by-node masking", () => {
    const events = [fullSnapshot([element(10, "iframe", { srcdoc: "<input value='jane@example.com'>" })])];
    expect(attributesOf(maskRecordingEvents(events, inputsOnly).events, 10)).toEqual({});
  });

  it("MS-1.7 removes images the page encoded itself (data: URLs over 8,192 characters) in snapshots and mutations, and keeps inlined icons", () => {
    const photo = `data:image/jpeg;base64,${"A".repeat(maxInlineImageChars)}`;
    const icon = `data:image/svg+xml;base64,${"B".repeat(maxInlineImageChars - 26)}`;
    expect(icon).toHaveLength(maxInlineImageChars);
    const events = [
      fullSnapshot([element(10, "img", { src: photo, width: "320", alt: "preview" }), element(11, "img", { src: icon }), element(12, "video", { poster: ` DATA:${photo.slice(5)}` }), element(14, "div", { style: `background: url(${photo})` })]),
      mutation({
        attributes: [{ id: 11, attributes: { src: photo } }],
        adds: [{ parentId: 1, nextId: null, node: element(13, "a", { href: photo, download: "scan.jpg" }) }],
      }),
    ];
    const { events: masked, report } = maskRecordingEvents(events, inputsOnly);
    expect(attributesOf(masked, 10)).toEqual({ width: "320", alt: "preview" });
    expect(attributesOf(masked, 11)).toEqual({ src: icon });
    expect(attributesOf(masked, 12)).toEqual({});
    // Only a whole attribute that is a data: URL: inline styles and stylesheets are CSS, kept as CSS.
    expect(attributesOf(masked, 14)).toEqual({ style: `background: url(${photo})` });
    // The change held nothing else: dropped whole.
    expect(eventData(masked[1]).attributes).toEqual([]);
    expect(attributesOf(masked.slice(1), 13)).toEqual({ download: "scan.jpg" });
    expect(report.removedInlineImages).toBe(4);
  });
});

describe("maskRecordingEvents: other events", () => {
  it("MS-1.3 scrubs the page URL of meta events", () => {
    const { events: masked } = maskRecordingEvents([meta("https://shop.example/u/jane@example.com?email=jane%40example.com")], inputsOnly);
    expect(eventData(masked[0]).href).toBe("https://shop.example/u/:email");
  });

  it("MS-1.4 keeps mouse movements, clicks and scrolls as they are", () => {
    const interactions = [
      { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.MouseMove, positions: [{ x: 1, y: 2, id: 4, timeOffset: 0 }] }, timestamp: 5 },
      { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.MouseInteraction, type: 2, id: 4, x: 1, y: 2 }, timestamp: 6 },
      { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.Scroll, id: 1, x: 0, y: 300 }, timestamp: 7 },
    ];
    expect(maskRecordingEvents(interactions, inputsOnly).events).toEqual(interactions);
  });

  it("MS-1.7 drops events that can carry unmaskable content, and malformed events, saying why", () => {
    const events = [
      { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.CanvasMutation, id: 4, type: 0, commands: [] } },
      { type: EventType.Plugin, data: { payload: { payload: ["jane@example.com"] } } },
      { type: EventType.Asset, data: { url: "blob:x", payload: { rr_type: "CssText", cssTexts: [] } } },
      "not an event",
      { type: EventType.FullSnapshot, data: {} },
      { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.Input, id: "4", text: "jane" } },
      { type: 42 },
    ];
    const { events: masked, report } = maskRecordingEvents(events, inputsOnly);
    expect(masked).toEqual([]);
    expect(report.droppedEvents).toEqual([
      { index: 0, reason: "canvas mutations are not recorded" },
      { index: 1, reason: "malformed plugin event" },
      { index: 2, reason: "asset events are not recorded" },
      { index: 3, reason: "malformed event" },
      { index: 4, reason: "malformed full snapshot" },
      { index: 5, reason: "input event on a blocked element or malformed" },
      { index: 6, reason: "unknown event type" },
    ]);
  });

  const deeplyNested = () => {
    let deep: unknown = "bottom";
    for (let level = 0; level < 40; level++) deep = [deep];
    return deep;
  };

  it.each([
    ["an event that is not an object", null, "malformed event"],
    ["an event whose type is not a number", { type: "2", data: {} }, "malformed event"],
    ["an event that cannot be copied", { type: EventType.Load, data: { callback: () => 1 } }, "malformed event"],
    ["a custom event without data", { type: EventType.Custom }, "malformed custom event"],
    ["a custom event without a tag", { type: EventType.Custom, data: { tag: 7, payload: "jane@example.com" } }, "malformed custom event"],
    ["a custom event nested too deep", { type: EventType.Custom, data: { tag: "deep", payload: deeplyNested() } }, "custom event payload nested too deep"],
    ["a meta event without data", { type: EventType.Meta }, "malformed meta event"],
    ["a meta event without an address", { type: EventType.Meta, data: { href: 7, width: 1 } }, "malformed meta event"],
    ["a full snapshot without data", { type: EventType.FullSnapshot }, "malformed full snapshot"],
    ["a full snapshot whose root has no id", { type: EventType.FullSnapshot, data: { node: { type: 0, childNodes: [] } } }, "malformed full snapshot"],
    ["an incremental event without data", { type: EventType.IncrementalSnapshot }, "malformed incremental snapshot"],
    ["an incremental event whose source is not a number", { type: EventType.IncrementalSnapshot, data: { source: "5", text: "jane" } }, "malformed incremental snapshot"],
    ["a plugin event without data", { type: EventType.Plugin }, "malformed plugin event"],
    ["a plugin event nested too deep", { type: EventType.Plugin, data: { plugin: "rrweb/console@1", payload: deeplyNested() } }, "plugin event payload nested too deep"],
    ["an asset event", { type: EventType.Asset, data: { url: "blob:x" } }, "asset events are not recorded"],
    ["an event of a type rrweb does not define", { type: 42, data: {} }, "unknown event type"],
  ])("MS-1.7 drops %s, saying why", (_description, event, reason) => {
    const { events: masked, report } = maskRecordingEvents([event], inputsOnly);
    expect(masked).toEqual([]);
    expect(report.droppedEvents).toEqual([{ index: 0, reason }]);
  });

  it("MS-1.7 keeps load events as they are, and drops everything when given no list of events", () => {
    const loads = [{ type: EventType.DomContentLoaded, data: {}, timestamp: 1 }, { type: EventType.Load, data: {}, timestamp: 2 }];
    expect(maskRecordingEvents(loads, inputsOnly)).toEqual({ events: loads, report: expect.objectContaining({ droppedEvents: [] }) });
    const { events: masked, report } = maskRecordingEvents("jane@example.com" as never, inputsOnly);
    expect(masked).toEqual([]);
    expect(report.droppedEvents).toEqual([{ index: -1, reason: "not a list of events" }]);
  });

  it("MS-1.3 empties a page address the URL rules refuse", () => {
    const { events: masked } = maskRecordingEvents([meta("javascript:alert('jane@example.com')")], inputsOnly);
    expect(eventData(masked[0]).href).toBe("");
  });

  it("MS-1.5 masks a custom event's payload like page text: kept under inputs-only, masked under all-text", () => {
    const custom = { type: EventType.Custom, data: { tag: "checkout-step", payload: { step: 2, label: "Shipping to Jane", "free text": ["Leave at door"], done: true, none: null } }, timestamp: 3 };
    expect(maskRecordingEvents([custom], inputsOnly).events).toEqual([custom]);
    const { events: masked, report } = maskRecordingEvents([custom], allText);
    expect(eventData(masked[0])).toEqual({
      tag: "checkout-step",
      payload: { step: 2, label: "******** ** ****", "**** ****": ["***** ** ****"], done: true, none: null },
    });
    expect(report.maskedValues).toBe(2);
  });

  it("MS-1.5 MS-2.4 masks every string of a plugin payload whatever the level, since it may hold what was entered", () => {
    const plugin = {
      type: EventType.Plugin,
      data: { plugin: "rrweb/network@1", payload: { requests: [{ method: "POST", body: "password=hunter2", status: 200 }] } },
      timestamp: 3,
    };
    const { events: masked } = maskRecordingEvents([plugin], inputsOnly);
    expect(eventData(masked[0])).toEqual({
      plugin: "rrweb/network@1",
      payload: { requests: [{ method: "****", body: "****************", status: 200 }] },
    });
  });

  it("MS-1.5 masks a plugin's name that is not an identifier", () => {
    const named = { type: EventType.Plugin, data: { plugin: "signed in as Jane", payload: 1 } };
    expect(eventData(maskRecordingEvents([named], inputsOnly).events[0])).toEqual({ plugin: "****** ** ** ****", payload: 1 });
  });

  it("MS-1.5 masks a custom event's tag that is not an identifier, and drops payloads nested too deep", () => {
    const named = { type: EventType.Custom, data: { tag: "signed in as Jane", payload: 1 } };
    expect(eventData(maskRecordingEvents([named], inputsOnly).events[0]).tag).toBe("****** ** ** ****");
    let deep: unknown = "bottom";
    for (let level = 0; level < 10_000; level++) deep = [deep];
    const { events: masked, report } = maskRecordingEvents([{ type: EventType.Custom, data: { tag: "deep", payload: deep } }], inputsOnly);
    expect(masked).toEqual([]);
    expect(report.droppedEvents).toHaveLength(1);
  });

  it("MS-1.5 drops a text node whose text is not text, empties a child list that is not a list, and counts both", () => {
    const events = [fullSnapshot([element(10, "p", {}, "junk" as never), { type: 3, id: 11, textContent: 42 } as never, element(12, "br", {})])];
    delete (serializedNodeById(events, 12) as Record<string, unknown>).childNodes;
    const { events: masked, report } = maskRecordingEvents(events, allText);
    expect(serializedNodeById(masked, 4)?.childNodes).toEqual([{ ...element(10, "p", {}), childNodes: [] }, { type: 2, tagName: "br", attributes: {}, id: 12 }]);
    expect(report.droppedParts).toBe(2);
  });

  it("MS-1.5 keeps the CSS of a style text node under all-text, and masks the same text elsewhere", () => {
    const events = [fullSnapshot([element(10, "style", {}, [text(11, "body{color:red}", { isStyle: true })]), element(12, "p", {}, [text(13, "body{color:red}")])])];
    const { events: masked } = maskRecordingEvents(events, allText);
    expect(textOf(masked, 11)).toBe("body{color:red}");
    expect(textOf(masked, 13)).toBe("***************");
  });

  it("MS-1.5 drops malformed parts of a snapshot and masks the rest", () => {
    const events = [fullSnapshot([element(10, "input", { value: "jane", style: { color: "red" } }), { type: 2, id: 11 } as never, "junk" as never])];
    const { events: masked, report } = maskRecordingEvents(events, inputsOnly);
    expect(serializedNodeById(masked, 4)?.childNodes).toEqual([element(10, "input", { value: "****" })]);
    expect(report.droppedParts).toBe(3);
  });
});

describe("maskRecordingEvents: nodes and sources it has never seen", () => {
  it("MS-1.5 masks a value set by an attribute mutation on an element it has never seen, to a fixed length", () => {
    const { events: masked, report } = maskRecordingEvents([mutation({ attributes: [{ id: 77, attributes: { value: "jane@example.com", class: "x" } }] })], inputsOnly);
    expect(eventData(masked[0]).attributes).toEqual([{ id: 77, attributes: { value: "********", class: "x" } }]);
    expect(report.maskedValues).toBe(1);
  });

  it("MS-1.5 drops attribute values rrweb never records, so a list or an object cannot carry a value past masking", () => {
    const events = [
      fullSnapshot([element(10, "input", { name: "email" })]),
      mutation({ attributes: [{ id: 10, attributes: { value: ["jane@example.com"], class: "x" } }, { id: 77, attributes: { value: { text: "jane@example.com" }, title: ["Jane Doe"] } }] }),
    ];
    const { events: masked, report } = maskRecordingEvents(events, inputsOnly);
    expect(eventData(masked[1]).attributes).toEqual([{ id: 10, attributes: { class: "x" } }]);
    expect(report.droppedParts).toBe(4);
  });

  it("MS-1.5 drops each malformed part of a mutation, counts it, and keeps the well-formed rest", () => {
    const snapshot = fullSnapshot([element(10, "input", { name: "note" })]);
    const malformed = {
      type: EventType.IncrementalSnapshot,
      data: {
        source: IncrementalSource.Mutation,
        adds: "not a list",
        removes: [null, { id: 10, parentId: "4" }, { id: 0, parentId: 4 }, { id: 10, parentId: 4 }],
        texts: [{ id: 10, value: 3 }, { id: "10", value: "a" }, { id: 10, value: null }],
        attributes: [{ id: 10, attributes: "x" }, { id: 0, attributes: {} }],
      },
    };
    const { events: masked, report } = maskRecordingEvents([snapshot, malformed], inputsOnly);
    expect(eventData(masked[1])).toEqual({ source: IncrementalSource.Mutation, adds: [], removes: [{ id: 10, parentId: 4 }], texts: [{ id: 10, value: null }], attributes: [] });
    expect(report.droppedParts).toBe(8);
    expect(report.unknownNodeTargets).toBe(0);

    const adds = mutation({ adds: [{ parentId: 4, node: "x" }, { parentId: "4", node: text(11, "Jane") }, { parentId: 4, node: text(12, "Hello") }] });
    const { events: maskedAdds, report: addsReport } = maskRecordingEvents([snapshot, adds], inputsOnly);
    expect(eventData(maskedAdds[1]).adds).toEqual([{ parentId: 4, node: text(12, "Hello") }]);
    expect(addsReport.droppedParts).toBe(2);
  });

  it("MS-1.5 leaves out the parts a mutation does not have, and counts changes to nodes it has never seen", () => {
    const sparse = { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.Mutation, texts: [{ id: 99, value: "Jane" }] } };
    const { events: masked, report } = maskRecordingEvents([sparse], inputsOnly);
    expect(eventData(masked[0])).toEqual({ source: IncrementalSource.Mutation, adds: [], removes: [], texts: [{ id: 99, value: "****" }], attributes: [] });
    expect(report.droppedParts).toBe(0);
    expect(report.unknownNodeTargets).toBe(1);
  });

  it.each([
    [true, "****"],
    ["", "****"],
    ["true", "****"],
    ["plaintext-only", "****"],
    ["FALSE", "Jane"],
    [false, "Jane"],
  ])("MS-1.5 treats an element with contenteditable=%j as entered text: its text becomes %s under inputs-only", (contenteditable, expected) => {
    const events = [fullSnapshot([element(10, "div", { contenteditable }, [text(11, "Jane")])])];
    expect(textOf(maskRecordingEvents(events, inputsOnly).events, 11)).toBe(expected);
  });

  it("MS-1.5 drops an input event whose text is not text, and counts only non-empty values of never-capture fields", () => {
    const snapshot = fullSnapshot([element(10, "input", { type: "password" })]);
    const notText = { type: EventType.IncrementalSnapshot, data: { source: IncrementalSource.Input, id: 10, text: 1234, isChecked: false } };
    expect(maskRecordingEvents([snapshot, notText], inputsOnly).report.droppedEvents).toEqual([{ index: 1, reason: "input event on a blocked element or malformed" }]);
    expect(maskRecordingEvents([snapshot, inputEvent(10, "")], inputsOnly).report.neverCapturedValues).toBe(0);
    expect(maskRecordingEvents([snapshot, inputEvent(10, "hunter2")], inputsOnly).report.neverCapturedValues).toBe(1);
  });

  it("MS-1.5 masks the text attributes of an element it has never seen, as of unknown ancestry", () => {
    const { events: masked } = maskRecordingEvents([mutation({ attributes: [{ id: 77, attributes: { title: "Jane Doe" } }] })], inputsOnly);
    expect(eventData(masked[0]).attributes).toEqual([{ id: 77, attributes: { title: "**** ***" } }]);
  });

  it("MS-1.5 masks a text change on a node of unknown ancestry even under inputs-only", () => {
    const { events: masked } = maskRecordingEvents([mutation({ texts: [{ id: 99, value: "Jane Doe" }] })], inputsOnly);
    expect(eventData(masked[0]).texts).toEqual([{ id: 99, value: "**** ***" }]);
  });

  it.each([
    ["the deprecated console-log source", IncrementalSource.Log],
    ["a source rrweb does not define", 99],
  ])("MS-1.7 drops an incremental event from %s", (_description, source) => {
    const events = [{ type: EventType.IncrementalSnapshot, data: { source, payload: { level: "log", payload: ["jane@example.com"] } }, timestamp: 5 }];
    const { events: masked, report } = maskRecordingEvents(events, inputsOnly);
    expect(masked).toEqual([]);
    expect(report.droppedEvents).toEqual([{ index: 0, reason: "unknown incremental source" }]);
  });
});
