import { z } from "zod";
import { access } from "../access.js";
import { router, tenantProcedure } from "../trpc.js";
import { surveyListItemOutput, surveyOutput, surveyResultsOutput } from "./survey.output.js";
import { createSurveyInput, listSurveysInput, surveyInput, surveyResultsInput, updateSurveyInput } from "./survey.schema.js";
import {
  activateSurveyHandler,
  archiveSurveyHandler,
  createSurveyHandler,
  getSurveyHandler,
  listSurveysHandler,
  surveyResultsHandler,
  updateSurveyHandler,
} from "./surveys.handler.js";

const readSurveys = tenantProcedure.meta({ access: access.readSurveys });
const writeSurveys = tenantProcedure.meta({ access: access.writeSurveys });

export const surveysRouter = router({
  list: readSurveys.input(listSurveysInput).output(z.array(surveyListItemOutput)).query(listSurveysHandler),
  get: readSurveys.input(surveyInput).output(surveyOutput).query(getSurveyHandler),
  create: writeSurveys.input(createSurveyInput).output(surveyOutput).mutation(createSurveyHandler),
  update: writeSurveys.input(updateSurveyInput).output(surveyOutput).mutation(updateSurveyHandler),
  activate: writeSurveys.input(surveyInput).output(surveyOutput).mutation(activateSurveyHandler),
  archive: writeSurveys.input(surveyInput).output(surveyOutput).mutation(archiveSurveyHandler),
  results: tenantProcedure.meta({ access: access.readReports }).input(surveyResultsInput).output(surveyResultsOutput).query(surveyResultsHandler),
});
