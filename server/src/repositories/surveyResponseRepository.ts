import type { Filter, ObjectId } from "mongodb";
import { analyticsCollections, type SurveyResponseDoc } from "../db/analyticsCollections.js";
import type { TenantScope } from "./tenantScope.js";

/** Stored once per response id: a replayed submission hits the unique index instead of a second copy. */
export async function insertSurveyResponse(scope: TenantScope, response: Omit<SurveyResponseDoc, "tenantId">): Promise<"inserted" | "duplicate"> {
  try {
    await analyticsCollections(scope.db).surveyResponses.insertOne({ ...response, tenantId: scope.tenantId });
    return "inserted";
  } catch (error) {
    if ((error as { code?: number }).code === 11000) return "duplicate";
    throw error;
  }
}

export async function surveyHasResponses(scope: TenantScope, surveyId: string): Promise<boolean> {
  const found = await analyticsCollections(scope.db).surveyResponses.findOne({ tenantId: scope.tenantId, surveyId }, { projection: { _id: 1 } });
  return found !== null;
}

/** How many responses each of these surveys has, in one query (a survey without any is absent). */
export async function countResponsesPerSurvey(scope: TenantScope, surveyIds: readonly string[]): Promise<Map<string, number>> {
  if (surveyIds.length === 0) return new Map();
  const rows = await analyticsCollections(scope.db)
    .surveyResponses.aggregate<{ _id: string; count: number }>([
      { $match: { tenantId: scope.tenantId, surveyId: { $in: [...surveyIds] } } },
      { $group: { _id: "$surveyId", count: { $sum: 1 } } },
    ])
    .toArray();
  return new Map(rows.map((row) => [row._id, row.count]));
}

export interface SurveyAnswerTallies {
  responses: number;
  /** Answers given per question. */
  answered: { questionId: string; count: number }[];
  choices: { questionId: string; choice: string; count: number }[];
  ratings: { questionId: string; rating: number; count: number }[];
}

/** Counts over every response of a survey, computed by the database. */
export async function tallySurveyAnswers(scope: TenantScope, surveyId: string): Promise<SurveyAnswerTallies> {
  const responses = analyticsCollections(scope.db).surveyResponses;
  const match = { $match: { tenantId: scope.tenantId, surveyId } };
  const [count, answered, choices, ratings] = await Promise.all([
    responses.countDocuments({ tenantId: scope.tenantId, surveyId }),
    responses
      .aggregate<{ _id: string; count: number }>([match, { $unwind: "$answers" }, { $group: { _id: "$answers.questionId", count: { $sum: 1 } } }])
      .toArray(),
    responses
      .aggregate<{ _id: { questionId: string; choice: string }; count: number }>([
        match,
        { $unwind: "$answers" },
        { $unwind: "$answers.choices" },
        { $group: { _id: { questionId: "$answers.questionId", choice: "$answers.choices" }, count: { $sum: 1 } } },
      ])
      .toArray(),
    responses
      .aggregate<{ _id: { questionId: string; rating: number }; count: number }>([
        match,
        { $unwind: "$answers" },
        { $match: { "answers.rating": { $exists: true } } },
        { $group: { _id: { questionId: "$answers.questionId", rating: "$answers.rating" }, count: { $sum: 1 } } },
      ])
      .toArray(),
  ]);
  return {
    responses: count,
    answered: answered.map((row) => ({ questionId: row._id, count: row.count })),
    choices: choices.map((row) => ({ ...row._id, count: row.count })),
    ratings: ratings.map((row) => ({ ...row._id, count: row.count })),
  };
}

export interface ResponsePageCursor {
  receivedAt: Date;
  id: ObjectId;
}

/** Responses holding free text, newest first, keyset-paginated on (receivedAt, _id). */
export function listFreeTextResponses(
  scope: TenantScope,
  surveyId: string,
  options: { limit: number; before?: ResponsePageCursor | undefined },
): Promise<Pick<SurveyResponseDoc, "_id" | "receivedAt" | "answers">[]> {
  const before = options.before;
  const filter: Filter<SurveyResponseDoc> = {
    tenantId: scope.tenantId,
    surveyId,
    hasFreeText: true,
    ...(before ? { $or: [{ receivedAt: { $lt: before.receivedAt } }, { receivedAt: before.receivedAt, _id: { $lt: before.id } }] } : {}),
  };
  return analyticsCollections(scope.db)
    .surveyResponses.find(filter, { projection: { _id: 1, receivedAt: 1, answers: 1 } })
    .sort({ receivedAt: -1, _id: -1 })
    .limit(options.limit)
    .toArray();
}

/** Every response of a survey, newest first, read from a cursor `batchSize` documents at a time. */
export function streamSurveyResponses(scope: TenantScope, surveyId: string, batchSize: number): AsyncIterable<SurveyResponseDoc> {
  return analyticsCollections(scope.db).surveyResponses.find({ tenantId: scope.tenantId, surveyId }).sort({ receivedAt: -1, _id: -1 }).batchSize(batchSize);
}
