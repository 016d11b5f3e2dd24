import type { PiiKind } from "@mousetrail/policies/pii/piiKind";
import { splitAtRedactionMarkers, type MarkedTextPart } from "@mousetrail/policies/pii/redactionMarker";
import type { SurveyResults } from "./surveysStore.js";

type QuestionResult = SurveyResults["questions"][number];

/** One bar of a question's chart: what it counts, how many, and its share of the question's answers. */
export interface ResultBar {
  label: string;
  count: number;
  /** Whole percent of the people who answered the question (0 when nobody did). */
  percent: number;
}

/**
 * The bars of a choice or rating question, every option or rating listed even at 0. A
 * multiple-choice question's shares are of the people who answered it, so they may add up to
 * more than 100.
 */
export function resultBars(question: QuestionResult, scaleWords?: { lowLabel: string | null; highLabel: string | null }): ResultBar[] {
  const percentOf = (count: number) => (question.answered === 0 ? 0 : Math.round((count / question.answered) * 100));
  if (question.type === "rating") {
    const first = question.distribution[0]?.rating;
    const last = question.distribution.at(-1)?.rating;
    // The ends of the scale carry the words the visitor saw beside them ("1 · Hard").
    const words = (rating: number) => (rating === first ? scaleWords?.lowLabel : rating === last ? scaleWords?.highLabel : null);
    return question.distribution.map((bucket) => {
      const word = words(bucket.rating);
      return { label: word ? `${bucket.rating} · ${word}` : String(bucket.rating), count: bucket.count, percent: percentOf(bucket.count) };
    });
  }
  if (question.type === "free-text") return [];
  return question.options.map((option) => ({ label: option.option, count: option.count, percent: percentOf(option.count) }));
}

/** "3 of 10 (30 %)": the numbers said in text next to each bar, for readers who cannot see its length. */
export function barText(bar: ResultBar, answered: number): string {
  return `${bar.count} of ${answered} (${bar.percent} %)`;
}

const redactedKindNames: Record<PiiKind, string> = {
  email: "email address",
  phone: "phone number",
  "payment-card": "payment card number",
  iban: "IBAN",
  "us-ssn": "US social security number",
  "uk-nino": "UK National Insurance number",
};

export type AnswerPart = { text: string } | { redacted: string; description: string };

/** A stored free-text answer in parts, each redaction (made on arrival by the site's policy) said in words. */
export function answerParts(stored: string): AnswerPart[] {
  return splitAtRedactionMarkers(stored).map((part: MarkedTextPart) =>
    "text" in part ? part : { redacted: part.redacted, description: `${redactedKindNames[part.redacted]} removed` },
  );
}

/** The free-text answers of one page, question by question, each with when it arrived. */
export function freeTextByQuestion(results: SurveyResults): { questionId: string; label: string; answers: { receivedAt: string; text: string }[] }[] {
  return results.questions
    .filter((question) => question.type === "free-text")
    .map((question) => ({
      questionId: question.questionId,
      label: question.label,
      answers: results.freeText.entries.flatMap((entry) =>
        entry.answers.filter((answer) => answer.questionId === question.questionId).map((answer) => ({ receivedAt: entry.receivedAt, text: answer.text })),
      ),
    }));
}
