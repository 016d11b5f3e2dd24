import { describe, expect, it } from "vitest";
import { redactPii } from "./redactPii.js";

describe("redactPii", () => {
  it("MS-1.13 replaces every detection in a survey answer with a marker naming its kind", () => {
    const answer = "Great service! Reach me at jane@example.com or 020 7946 0958.";
    const redaction = redactPii(answer);
    expect(redaction.text).toBe("Great service! Reach me at [redacted:email] or [redacted:phone].");
    expect(redaction.detections.map((detection) => detection.kind)).toEqual(["email", "phone"]);
  });

  it("MS-1.7 leaves text without PII untouched", () => {
    const text = "The checkout button was hard to find.";
    expect(redactPii(text)).toEqual({ text, detections: [] });
  });

  it("MS-1.7 redacts adjacent detections without losing the text between them", () => {
    expect(redactPii("a@example.com,b@example.org;123-45-6789").text).toBe(
      "[redacted:email],[redacted:email];[redacted:us-ssn]",
    );
  });
});
