import type { z } from "zod";
import { activateSurvey } from "../../domain/surveys/activateSurvey.js";
import { archiveSurvey } from "../../domain/surveys/archiveSurvey.js";
import { createSurvey } from "../../domain/surveys/createSurvey.js";
import { getSurvey } from "../../domain/surveys/getSurvey.js";
import { listSurveysWithResponses } from "../../domain/surveys/listSurveysWithResponses.js";
import { surveyResults } from "../../domain/surveys/surveyResults.js";
import { updateSurvey } from "../../domain/surveys/updateSurvey.js";
import { tenantCallOf, type TenantProcedureContext } from "../trpc.js";
import { toQuestionDefinition, toSurveyDisplay, toSurveyOutput, toSurveyResultsOutput, type surveyListItemOutput, type surveyOutput, type surveyResultsOutput } from "./survey.output.js";
import type { createSurveyInput, listSurveysInput, surveyInput, surveyResultsInput, updateSurveyInput } from "./survey.schema.js";

type SurveyOutput = z.infer<typeof surveyOutput>;
type Args<TInput extends z.ZodType> = { ctx: TenantProcedureContext; input: z.infer<TInput> };

export async function listSurveysHandler({ ctx, input }: Args<typeof listSurveysInput>): Promise<z.infer<typeof surveyListItemOutput>[]> {
  const listed = await listSurveysWithResponses(ctx.tenant.scope, { siteId: input.siteId, status: input.status });
  return listed.map(({ survey, responses }) => ({ ...toSurveyOutput(survey), responses }));
}

export async function getSurveyHandler({ ctx, input }: Args<typeof surveyInput>): Promise<SurveyOutput> {
  return toSurveyOutput(await getSurvey(ctx.tenant.scope, input.surveyId));
}

export async function createSurveyHandler({ ctx, input }: Args<typeof createSurveyInput>): Promise<SurveyOutput> {
  const survey = await createSurvey(
    tenantCallOf(ctx),
    input.siteId,
    { title: input.title, intro: input.intro, questions: input.questions.map(toQuestionDefinition), display: toSurveyDisplay(input.display) },
    input.status,
  );
  return toSurveyOutput(survey);
}

export async function updateSurveyHandler({ ctx, input }: Args<typeof updateSurveyInput>): Promise<SurveyOutput> {
  const survey = await updateSurvey(tenantCallOf(ctx), input.surveyId, {
    ...(input.title !== undefined ? { title: input.title } : {}),
    ...(input.intro !== undefined ? { intro: input.intro } : {}),
    ...(input.questions !== undefined ? { questions: input.questions.map(toQuestionDefinition) } : {}),
    ...(input.display !== undefined ? { display: toSurveyDisplay(input.display) } : {}),
  });
  return toSurveyOutput(survey);
}

export async function activateSurveyHandler({ ctx, input }: Args<typeof surveyInput>): Promise<SurveyOutput> {
  return toSurveyOutput(await activateSurvey(tenantCallOf(ctx), input.surveyId));
}

export async function archiveSurveyHandler({ ctx, input }: Args<typeof surveyInput>): Promise<SurveyOutput> {
  return toSurveyOutput(await archiveSurvey(tenantCallOf(ctx), input.surveyId));
}

export async function surveyResultsHandler({ ctx, input }: Args<typeof surveyResultsInput>): Promise<z.infer<typeof surveyResultsOutput>> {
  return toSurveyResultsOutput(await surveyResults(ctx.tenant.scope, input.surveyId, { limit: input.limit, cursor: input.cursor }));
}
