import { describe, expect, it } from "vitest";
import { findPiiInJson } from "./findPiiInJson.js";

describe("findPiiInJson", () => {
  it("MS-1.7 reports the JSON path of PII inside a nested rrweb event", () => {
    const events = [
      { type: 4, data: { href: "https://shop.example/", width: 1280, height: 720 } },
      {
        type: 3,
        data: { source: 0, texts: [{ id: 7, value: "Signed in as jane@example.com" }], attributes: [], removes: [], adds: [] },
      },
    ];
    expect(findPiiInJson(events)).toEqual([
      { kind: "email", path: [1, "data", "texts", 0, "value"], inKey: false, offset: 13, length: 16 },
    ]);
  });

  it("MS-1.13 finds PII in survey answers, in object keys and in large JSON numbers", () => {
    const submission = { answers: { q1: "call +44 20 7946 0958" }, "jane@example.com": true, card: 4111111111111111 };
    const findings = findPiiInJson(submission).map(({ kind, path, inKey }) => ({ kind, path, inKey }));
    expect(findings).toEqual(
      expect.arrayContaining([
        { kind: "phone", path: ["answers", "q1"], inKey: false },
        { kind: "email", path: ["jane@example.com"], inKey: true },
        { kind: "payment-card", path: ["card"], inKey: false },
      ]),
    );
    expect(findings).toHaveLength(3);
  });

  it("MS-1.7 survives shared and cyclic references and deep nesting", () => {
    const shared: Record<string, unknown> = { text: "123-45-6789" };
    shared.self = shared;
    let deep: unknown = "jane@example.com";
    for (let level = 0; level < 100_000; level++) deep = [deep];
    const findings = findPiiInJson({ a: shared, b: shared, deep });
    expect(findings.map((finding) => finding.kind).sort()).toEqual(["email", "us-ssn"]);
  });

  it("MS-1.7 walks past nulls and small numbers, and reads a card number stored as a JSON number", () => {
    expect(findPiiInJson({ a: null, b: 42, c: [null, "jane@example.com"], d: 4111111111111111 })).toEqual([
      { kind: "payment-card", path: ["d"], inKey: false, offset: 0, length: 16 },
      { kind: "email", path: ["c", 1], inKey: false, offset: 0, length: 16 },
    ]);
  });
});
