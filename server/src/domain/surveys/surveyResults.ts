import { ObjectId } from "mongodb";
import type { SurveyDoc } from "../../db/collections.js";
import { AppError } from "../../errors/appError.js";
import { listFreeTextResponses, tallySurveyAnswers, type ResponsePageCursor } from "../../repositories/surveyResponseRepository.js";
import type { TenantScope } from "../../repositories/tenantScope.js";
import { getSurvey } from "./getSurvey.js";

export type QuestionResult =
  | { questionId: string; type: "single-choice" | "multiple-choice"; label: string; answered: number; options: { option: string; count: number }[] }
  | { questionId: string; type: "rating"; label: string; answered: number; distribution: { rating: number; count: number }[]; mean: number | null }
  | { questionId: string; type: "free-text"; label: string; answered: number };

export interface SurveyResults {
  survey: SurveyDoc;
  responses: number;
  questions: QuestionResult[];
  /** Free-text answers (redacted on arrival, MS-1.13), one entry per response, newest first. */
  freeText: { entries: { receivedAt: Date; answers: { questionId: string; text: string }[] }[]; nextCursor: string | null };
}

/**
 * What visitors answered: counts per option (every option listed, chosen or not), the rating
 * distribution and mean, and a page of free-text answers. Answers to questions the survey no
 * longer has are left out.
 */
export async function surveyResults(scope: TenantScope, surveyId: string, page: { limit: number; cursor?: string | undefined }): Promise<SurveyResults> {
  const survey = await getSurvey(scope, surveyId);
  const before = page.cursor ? decodeCursor(page.cursor) : undefined;
  const [tallies, textResponses] = await Promise.all([
    tallySurveyAnswers(scope, surveyId),
    listFreeTextResponses(scope, surveyId, { limit: page.limit + 1, before }),
  ]);
  const countOf = <T extends { questionId: string; count: number }>(rows: T[], match: (row: T) => boolean) =>
    rows.find(match)?.count ?? 0;

  const questions = survey.questions.map((question): QuestionResult => {
    const base = { questionId: question.questionId, label: question.label, answered: countOf(tallies.answered, (row) => row.questionId === question.questionId) };
    if (question.type === "single-choice" || question.type === "multiple-choice") {
      const options = question.options.map((option) => ({
        option,
        count: countOf(tallies.choices, (row) => row.questionId === question.questionId && row.choice === option),
      }));
      return { ...base, type: question.type, options };
    }
    if (question.type === "rating") {
      const distribution: { rating: number; count: number }[] = [];
      for (let rating = question.scale.min; rating <= question.scale.max; rating++) {
        distribution.push({ rating, count: countOf(tallies.ratings, (row) => row.questionId === question.questionId && row.rating === rating) });
      }
      const total = distribution.reduce((sum, bucket) => sum + bucket.count, 0);
      const sum = distribution.reduce((accumulated, bucket) => accumulated + bucket.rating * bucket.count, 0);
      return { ...base, type: "rating", distribution, mean: total ? Math.round((sum / total) * 100) / 100 : null };
    }
    return { ...base, type: "free-text" };
  });

  const freeTextIds = new Set(survey.questions.filter((question) => question.type === "free-text").map((question) => question.questionId));
  const pageRows = textResponses.slice(0, page.limit);
  const last = pageRows.at(-1);
  return {
    survey,
    responses: tallies.responses,
    questions,
    freeText: {
      entries: pageRows.map((response) => ({
        receivedAt: response.receivedAt,
        answers: response.answers.flatMap((answer) =>
          answer.text !== undefined && freeTextIds.has(answer.questionId) ? [{ questionId: answer.questionId, text: answer.text }] : [],
        ),
      })),
      nextCursor: textResponses.length > page.limit && last?._id ? encodeCursor({ receivedAt: last.receivedAt, id: last._id }) : null,
    },
  };
}

function encodeCursor(cursor: ResponsePageCursor): string {
  return Buffer.from(JSON.stringify([cursor.receivedAt.getTime(), cursor.id.toHexString()])).toString("base64url");
}

function decodeCursor(cursor: string): ResponsePageCursor {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof time === "number" && typeof id === "string" && /^[0-9a-f]{24}$/.test(id)) return { receivedAt: new Date(time), id: new ObjectId(id) };
  } catch {
    // fall through to the error below
  }
  throw new AppError("BAD_INPUT", { userMessage: "cursor: not a cursor returned by this list", field: "cursor" });
}
