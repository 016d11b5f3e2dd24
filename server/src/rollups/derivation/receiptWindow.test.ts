import { describe, expect, it } from "vitest";
import { receiptWindow, withinReceiptWindow } from "./receiptWindow.js";

const receivedAt = new Date("2026-03-02T10:00:00Z");
const at = (offsetMs: number) => new Date(receivedAt.getTime() + offsetMs);

describe("dates derived from a batch stay near its receipt", () => {
  it.each([
    ["a client time inside the window", at(-60_000), at(-60_000)],
    ["exactly the oldest allowed", at(-receiptWindow.backMs), at(-receiptWindow.backMs)],
    ["1970 (timestamp 1)", new Date(1), at(-receiptWindow.backMs)],
    ["exactly the latest allowed", at(receiptWindow.aheadMs), at(receiptWindow.aheadMs)],
    ["a year ahead", at(365 * 24 * 3_600_000), at(receiptWindow.aheadMs)],
    ["no client time at all", null, receivedAt],
    ["an invalid date", new Date(Number.NaN), receivedAt],
  ])("%s", (_, input, expected) => {
    expect(withinReceiptWindow(input, receivedAt)).toEqual(expected);
  });
});
