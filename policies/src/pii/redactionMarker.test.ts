import { describe, expect, it } from "vitest";
import { piiKinds } from "./piiKind.js";
import { redactPii } from "./redactPii.js";
import { redactionMarker, splitAtRedactionMarkers } from "./redactionMarker.js";

describe("splitAtRedactionMarkers", () => {
  it("MS-1.13 finds every marker redactPii writes, between the text around it", () => {
    const stored = redactPii("Mail jane@example.com or call 020 7946 0958, thanks").text;
    expect(splitAtRedactionMarkers(stored)).toEqual([{ text: "Mail " }, { redacted: "email" }, { text: " or call " }, { redacted: "phone" }, { text: ", thanks" }]);
  });

  it.each(piiKinds)("knows the marker of %s", (kind) => {
    expect(splitAtRedactionMarkers(redactionMarker(kind))).toEqual([{ redacted: kind }]);
  });

  it.each([
    ["", []],
    ["no markers here", [{ text: "no markers here" }]],
    ["[redacted:password]", [{ text: "[redacted:password]" }]],
    ["[redacted:email][redacted:iban]", [{ redacted: "email" }, { redacted: "iban" }]],
    ["[REDACTED:email] [redacted:email", [{ text: "[REDACTED:email] [redacted:email" }]],
  ] as const)("%j → %j", (stored, parts) => {
    expect(splitAtRedactionMarkers(stored)).toEqual(parts);
  });
});
