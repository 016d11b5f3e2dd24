import { IncrementalSource } from "@rrweb/types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { propertyRuns } from "../../testing/propertyRuns.js";
import { recordingArbitrary, secretCharacters } from "../../testing/recordingArbitraries.js";
import { allStrings, eventData } from "../../testing/rrwebEvents.js";
import { maskedChoiceLength } from "../masking/maskText.js";
import { maskRecordingEvents } from "./maskRecordingEvents.js";

const policies = [
  effectivePolicyFor({ textMasking: "inputs-only", nonSensitiveSelectors: [".public"] }),
  effectivePolicyFor({ textMasking: "all-text", nonSensitiveSelectors: [".public"] }),
];
const policyArbitrary = fc.constantFrom(...policies);

const codePoints = (value: string) => Array.from(value).length;

describe("maskRecordingEvents (properties)", () => {
  it("MS-1.5 never lets a character typed into a masked field through, wherever the field sits", () => {
    fc.assert(
      fc.property(recordingArbitrary, policyArbitrary, ({ events }, policy) => {
        const { events: masked } = maskRecordingEvents(events, policy);
        for (const value of allStrings(masked)) {
          for (const character of value) expect(secretCharacters.has(character)).toBe(false);
        }
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("MS-1.5 keeps the length of every masked value but a choice's, which is fixed, and MS-2.4 empties never-capture fields", () => {
    fc.assert(
      fc.property(recordingArbitrary, policyArbitrary, ({ events, neverCaptureIds, choiceIds }, policy) => {
        const { events: masked, report } = maskRecordingEvents(events, policy);
        expect(report.droppedEvents).toEqual([]);
        expect(masked).toHaveLength(events.length);
        masked.forEach((event, index) => {
          const before = eventData(events[index]);
          const after = eventData(event);
          if (before.source === IncrementalSource.Input) {
            const maskedChoice = choiceIds.has(before.id as number) && after.text !== before.text;
            const expectedLength = neverCaptureIds.has(before.id as number) ? 0 : maskedChoice ? maskedChoiceLength : codePoints(before.text as string);
            expect(codePoints(after.text as string)).toBe(expectedLength);
          }
          if (before.source === IncrementalSource.Mutation) {
            (before.texts as { value: string }[]).forEach((change, position) => {
              const maskedChange = (after.texts as { value: string }[])[position];
              expect(codePoints(maskedChange!.value)).toBe(codePoints(change.value));
            });
          }
        });
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("MS-1.5 never throws on arbitrary JSON, and drops what is not an event", () => {
    fc.assert(
      fc.property(fc.array(fc.anything()), policyArbitrary, (events, policy) => {
        const { events: masked, report } = maskRecordingEvents(events, policy);
        expect(masked.length + report.droppedEvents.length).toBe(events.length);
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("MS-1.5 never throws on rrweb-shaped events with arbitrary data", () => {
    const eventShaped = fc.record({
      type: fc.integer({ min: -1, max: 9 }),
      data: fc.oneof(fc.anything(), fc.record({ source: fc.integer({ min: -1, max: 17 }), id: fc.anything(), text: fc.anything() }, { requiredKeys: [] })),
      timestamp: fc.anything(),
    });
    fc.assert(
      fc.property(fc.array(eventShaped), policyArbitrary, (events, policy) => {
        expect(() => maskRecordingEvents(events, policy)).not.toThrow();
      }),
      { numRuns: propertyRuns(300) },
    );
  });

  it("MS-1.5 never throws on generated recordings with one value anywhere replaced by arbitrary JSON", () => {
    fc.assert(
      fc.property(recordingArbitrary, fc.nat(), fc.anything(), policyArbitrary, ({ events }, position, replacement, policy) => {
        const corrupted = structuredClone(events);
        const containers: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
        const collect = (value: unknown) => {
          if (Array.isArray(value)) value.forEach((child, index) => (containers.push({ holder: value, key: index }), collect(child)));
          else if (typeof value === "object" && value !== null) {
            for (const [key, child] of Object.entries(value)) (containers.push({ holder: value as Record<string, unknown>, key }), collect(child));
          }
        };
        collect(corrupted);
        const target = containers[position % containers.length]!;
        (target.holder as Record<string | number, unknown>)[target.key] = replacement;
        expect(() => maskRecordingEvents(corrupted, policy)).not.toThrow();
      }),
      { numRuns: propertyRuns(300) },
    );
  });
});
