import type { RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";
import { describe, expect, it } from "vitest";
import type { FieldMasking } from "./fieldMasking.js";
import { rrwebRecordOptions } from "./rrwebOptions.js";

const masking: FieldMasking = { maskValue: (value) => value, maskText: (text) => text, maskTextSelector: "*", blockSelector: "#chat" };
const interactions: RecorderConfig["policy"]["interactions"] = {
  recordMouseMovements: true,
  recordScrolls: true,
  recordClicks: true,
  mouseMoveSampleIntervalMs: 50,
  scrollSampleIntervalMs: 100,
};
const optionsFor = (changed: Partial<RecorderConfig["policy"]["interactions"]> = {}) =>
  rrwebRecordOptions({ interactions: { ...interactions, ...changed } } as RecorderConfig["policy"], masking, () => {});

describe("rrwebRecordOptions", () => {
  it("MS-1.5 MS-2.4 masks every input through the policy and keeps rrweb's errors inside rrweb", () => {
    const options = optionsFor();
    expect(options).toMatchObject({ maskAllInputs: true, maskInputFn: masking.maskValue, maskTextFn: masking.maskText, maskTextSelector: "*", blockSelector: "#chat" });
    expect(options.slimDOMOptions).toBe(true);
    expect(options.errorHandler?.(new Error("inside rrweb"))).toBe(true);
    // Canvas, fonts, inlined images and cross-origin frames stay at rrweb's default: off.
    for (const option of ["recordCanvas", "collectFonts", "inlineImages", "recordCrossOriginIframes"]) expect(options).not.toHaveProperty(option);
  });

  it("MS-1.4 samples mouse movements and scrolls at the policy's intervals", () => {
    expect(optionsFor().sampling).toEqual({ mousemove: 50, scroll: 100, mouseInteraction: true });
  });

  it("MS-1.4 records no mouse movements or clicks where the policy says so, or does not say", () => {
    expect(optionsFor({ recordMouseMovements: false, recordClicks: false }).sampling).toMatchObject({ mousemove: false, mouseInteraction: false });
    const unsaid = { recordMouseMovements: undefined, recordClicks: undefined } as unknown as Partial<RecorderConfig["policy"]["interactions"]>;
    expect(optionsFor(unsaid).sampling).toMatchObject({ mousemove: false, mouseInteraction: false });
  });
});
