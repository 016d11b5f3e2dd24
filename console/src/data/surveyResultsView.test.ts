import { describe, expect, it } from "vitest";
import { answerParts, barText, freeTextByQuestion, resultBars } from "./surveyResultsView.js";
import type { SurveyResults } from "./surveysStore.js";

const base = { questionId: "q_0000000001", label: "Q" };

describe("resultBars: every option or rating, with its share of the question's answers", () => {
  it("lists options chosen by nobody, and shares of a multiple-choice question may exceed 100 in sum", () => {
    const bars = resultBars({ ...base, type: "multiple-choice", answered: 3, options: [{ option: "Jackets", count: 3 }, { option: "Boots", count: 2 }, { option: "Tents", count: 0 }] });
    expect(bars).toEqual([
      { label: "Jackets", count: 3, percent: 100 },
      { label: "Boots", count: 2, percent: 67 },
      { label: "Tents", count: 0, percent: 0 },
    ]);
    expect(barText(bars[1]!, 3)).toBe("2 of 3 (67 %)");
  });

  it("draws a rating's distribution, and a question nobody answered as zeros, not NaN", () => {
    const bars = resultBars({ ...base, type: "rating", answered: 0, mean: null, distribution: [{ rating: 1, count: 0 }, { rating: 2, count: 0 }] });
    expect(bars).toEqual([
      { label: "1", count: 0, percent: 0 },
      { label: "2", count: 0, percent: 0 },
    ]);
  });

  it("puts the words of the scale's ends beside its first and last rating", () => {
    const question = { ...base, type: "rating" as const, answered: 2, mean: 2, distribution: [1, 2, 3].map((rating) => ({ rating, count: rating === 2 ? 2 : 0 })) };
    expect(resultBars(question, { lowLabel: "Hard", highLabel: "Easy" }).map((bar) => bar.label)).toEqual(["1 · Hard", "2", "3 · Easy"]);
    expect(resultBars(question, { lowLabel: null, highLabel: "Easy" }).map((bar) => bar.label)).toEqual(["1", "2", "3 · Easy"]);
  });

  it("has no bars for free text", () => {
    expect(resultBars({ ...base, type: "free-text", answered: 4 })).toEqual([]);
  });
});

describe("answerParts: redactions made on arrival are marked, in words", () => {
  it("MS-1.13 marks the email address the server removed", () => {
    expect(answerParts("Write to [redacted:email] please")).toEqual([
      { text: "Write to " },
      { redacted: "email", description: "email address removed" },
      { text: " please" },
    ]);
  });

  it("keeps an answer without redactions whole", () => {
    expect(answerParts("Loved the jacket")).toEqual([{ text: "Loved the jacket" }]);
  });
});

describe("freeTextByQuestion", () => {
  it("groups a page of responses by free-text question, newest first as the server sent them", () => {
    const results = {
      responses: 2,
      questions: [
        { questionId: "q_a", type: "single-choice", label: "Pick", answered: 2, options: [] },
        { questionId: "q_b", type: "free-text", label: "Why?", answered: 2 },
        { questionId: "q_c", type: "free-text", label: "Else?", answered: 1 },
      ],
      freeText: {
        entries: [
          { receivedAt: "2026-03-02T00:00:00.000Z", answers: [{ questionId: "q_b", text: "second" }, { questionId: "q_c", text: "more" }] },
          { receivedAt: "2026-03-01T00:00:00.000Z", answers: [{ questionId: "q_b", text: "first" }] },
        ],
        nextCursor: null,
      },
    } as unknown as SurveyResults;
    expect(freeTextByQuestion(results)).toEqual([
      { questionId: "q_b", label: "Why?", answers: [{ receivedAt: "2026-03-02T00:00:00.000Z", text: "second" }, { receivedAt: "2026-03-01T00:00:00.000Z", text: "first" }] },
      { questionId: "q_c", label: "Else?", answers: [{ receivedAt: "2026-03-02T00:00:00.000Z", text: "more" }] },
    ]);
  });
});
