import { describe, expect, it } from "vitest";
import { effectivePolicyFor } from "../../testing/effectivePolicyFor.js";
import { redactSurveyAnswer } from "./redactSurveyAnswer.js";

const policy = effectivePolicyFor();

describe("redactSurveyAnswer", () => {
  it("MS-1.13 redacts PII in a survey answer and reports where it was", () => {
    const result = redactSurveyAnswer("Loved it, mail me at jane@example.com", policy);
    expect(result).toEqual({
      text: "Loved it, mail me at [redacted:email]",
      detections: [{ kind: "email", offset: 21, length: 16 }],
      truncated: false,
    });
  });

  it("MS-1.13 cuts an answer to the policy's length limit without splitting a character", () => {
    const result = redactSurveyAnswer(`${"😀".repeat(999)}ab`, policy);
    expect(Array.from(result.text)).toHaveLength(1000);
    expect(result.text.endsWith("😀a")).toBe(true);
    expect(result.truncated).toBe(true);
  });

  it("MS-1.13 keeps an answer of exactly the limit whole", () => {
    const answer = "😀".repeat(1000);
    expect(redactSurveyAnswer(answer, policy)).toEqual({ text: answer, detections: [], truncated: false });
  });

  it("MS-1.13 judges PII on the kept part of a cut answer", () => {
    const answer = `${"x ".repeat(490)}card 4111 1111 1111 1111`;
    expect(redactSurveyAnswer(answer, policy).detections).toEqual([]);
    expect(redactSurveyAnswer(answer, policy).text).not.toContain("4111 1111 1111 1111");
  });
});
