import type { SurveyResponseDoc, StoredSurveyAnswer } from "../../db/analyticsCollections.js";
import type { SurveyDoc } from "../../db/collections.js";
import { streamSurveyResponses } from "../../repositories/surveyResponseRepository.js";
import { recordAudit } from "../audit/recordAudit.js";
import { getSurvey } from "../surveys/getSurvey.js";
import type { TenantCall } from "../tenantCall.js";
import { contentTypeOf, exportBatchSize, type Download } from "./download.js";
import { encodeExport, type ExportFormat, type ExportTable } from "./exportTable.js";

function answerText(answer: StoredSurveyAnswer | undefined): string | number | undefined {
  if (!answer) return undefined;
  if (answer.choices) return answer.choices.join("; ");
  return answer.rating ?? answer.text;
}

/** One column per question of the survey as it is now, headed by its label; answers as stored (free text redacted, MS-1.13). */
export function surveyAnswersTable(survey: SurveyDoc): ExportTable<SurveyResponseDoc> {
  return {
    name: `survey-${survey._id}-answers`,
    columns: [
      { header: "responseId", cell: (row) => row.responseId },
      { header: "receivedAt", cell: (row) => row.receivedAt.toISOString() },
      ...survey.questions.map((question) => ({
        header: question.label,
        cell: (row: SurveyResponseDoc) => answerText(row.answers.find((answer) => answer.questionId === question.questionId)),
      })),
    ],
    json: (row) => ({ responseId: row.responseId, receivedAt: row.receivedAt.toISOString(), policy: row.policy, answers: row.answers }),
  };
}

/** Every answer to one survey, newest first, as one file. Audited (MS-3.3). */
export async function exportSurveyAnswers(call: TenantCall, surveyId: string, options: { format: ExportFormat; bom: boolean }): Promise<Download> {
  const survey = await getSurvey(call.scope, surveyId);
  const table = surveyAnswersTable(survey);
  await recordAudit(call, "export.surveyAnswers", { type: "survey", id: survey._id }, { format: options.format });
  return {
    filename: `${table.name}.${options.format}`,
    contentType: contentTypeOf(options.format),
    body: encodeExport(table, streamSurveyResponses(call.scope, survey._id, exportBatchSize), options),
  };
}
