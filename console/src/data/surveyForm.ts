import type { RouterInputs, RouterOutputs } from "@mousetrail/client-sdk";
import { startOfDayIn } from "../ui/siteTime.js";
import { dayIn } from "./reportRange.js";

export type Survey = RouterOutputs["surveys"]["get"];
export type QuestionType = Survey["questions"][number]["type"];
export type SurveyDefinition = Omit<RouterInputs["surveys"]["create"], "tenantId" | "siteId" | "status">;
type QuestionInput = SurveyDefinition["questions"][number];

export const questionTypes: { type: QuestionType; name: string }[] = [
  { type: "single-choice", name: "Single choice" },
  { type: "multiple-choice", name: "Multiple choice" },
  { type: "rating", name: "Rating" },
  { type: "free-text", name: "Free text" },
];

/**
 * One question as the editor holds it: every field of every type, as the inputs give them
 * (strings), so switching a question's type keeps what was typed. `key` only tells the rows apart
 * while they move; the server gives questions their ids.
 */
export interface QuestionDraft {
  key: number;
  type: QuestionType;
  label: string;
  required: boolean;
  /** One option a line. */
  options: string;
  scaleMin: string;
  scaleMax: string;
  lowLabel: string;
  highLabel: string;
  placeholder: string;
  /** Empty: the longest answer the site's policy allows. */
  maxLength: string;
}

export interface SurveyDraft {
  title: string;
  intro: string;
  pathPrefix: string;
  delaySeconds: string;
  /** Percent of page views, 1-100. */
  samplePercent: string;
  /** Days as date inputs give them (`2026-03-01`), in UTC; "" for open-ended. The last day is included. */
  firstDay: string;
  lastDay: string;
  questions: QuestionDraft[];
}

let lastKey = 0;
const nextKey = () => ++lastKey;

export function newQuestion(type: QuestionType = "single-choice"): QuestionDraft {
  return { key: nextKey(), type, label: "", required: false, options: "", scaleMin: "1", scaleMax: "5", lowLabel: "", highLabel: "", placeholder: "", maxLength: "" };
}

export function newSurveyDraft(): SurveyDraft {
  return { title: "", intro: "", pathPrefix: "/", delaySeconds: "0", samplePercent: "100", firstDay: "", lastDay: "", questions: [newQuestion()] };
}

/**
 * A stored survey in the editor, so saving it unchanged sends exactly what the server holds. Its
 * first and last days are calendar days in the site's time zone, as its reports count days.
 */
export function draftOfSurvey(survey: Survey, timeZone: string): SurveyDraft {
  return {
    title: survey.title,
    intro: survey.intro,
    pathPrefix: survey.display.pathPrefix,
    delaySeconds: String(survey.display.delaySeconds),
    samplePercent: String(survey.display.samplePercent),
    firstDay: survey.display.startsAt === null ? "" : dayOf(Date.parse(survey.display.startsAt), timeZone),
    // The survey ends before `endsAt`: its last day is the one the millisecond before falls on.
    lastDay: survey.display.endsAt === null ? "" : dayOf(Date.parse(survey.display.endsAt) - 1, timeZone),
    questions: survey.questions.map((question) => {
      const draft = { ...newQuestion(question.type), label: question.label, required: question.required };
      switch (question.type) {
        case "single-choice":
        case "multiple-choice":
          return { ...draft, options: question.options.join("\n") };
        case "rating":
          return { ...draft, scaleMin: String(question.scale.min), scaleMax: String(question.scale.max), lowLabel: question.lowLabel ?? "", highLabel: question.highLabel ?? "" };
        case "free-text":
          return { ...draft, placeholder: question.placeholder ?? "", maxLength: question.maxLength === null ? "" : String(question.maxLength) };
      }
    }),
  };
}

/**
 * The draft as the API takes it. Numbers are sent as typed (a blank or "2.5" becomes NaN or
 * 2.5), so the server's own message about them shows next to the field; nothing is checked here
 * a second time.
 */
export function definitionOfDraft(draft: SurveyDraft, timeZone: string): SurveyDefinition {
  return {
    title: draft.title,
    intro: draft.intro,
    display: {
      pathPrefix: draft.pathPrefix.trim(),
      delaySeconds: numberOf(draft.delaySeconds, 0),
      samplePercent: numberOf(draft.samplePercent, 100),
      startsAt: draft.firstDay === "" ? null : startOfDay(draft.firstDay, timeZone, 0),
      endsAt: draft.lastDay === "" ? null : startOfDay(draft.lastDay, timeZone, 1),
    },
    questions: draft.questions.map(questionOfDraft),
  };
}

function questionOfDraft(draft: QuestionDraft): QuestionInput {
  const base = { label: draft.label, required: draft.required };
  switch (draft.type) {
    case "single-choice":
    case "multiple-choice":
      return { ...base, type: draft.type, options: optionLines(draft.options) };
    case "rating":
      return { ...base, type: "rating", scale: { min: numberOf(draft.scaleMin, 1), max: numberOf(draft.scaleMax, 5) }, lowLabel: draft.lowLabel, highLabel: draft.highLabel };
    case "free-text": {
      const maxLength = draft.maxLength.trim();
      return { ...base, type: "free-text", placeholder: draft.placeholder, ...(maxLength === "" ? {} : { maxLength: Number(maxLength) }) };
    }
  }
}

/** Options one a line; blank lines (a trailing newline) are not options. */
export function optionLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

/** `2026-03-01` → the ISO instant that day starts in the time zone, `plusDays` later (the API's `endsAt` is exclusive). */
function startOfDay(day: string, timeZone: string, plusDays: number): string {
  // A malformed day goes as it is, for the server to name the field.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00.000Z`))) return day;
  return startOfDayIn(day, timeZone, plusDays).toISOString();
}

function dayOf(time: number, timeZone: string): string {
  return dayIn(timeZone, new Date(time));
}

function numberOf(text: string, blank: number): number {
  return text.trim() === "" ? blank : Number(text);
}

/** The list with the question at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveQuestion<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const moved = [...list];
  [moved[index], moved[target]] = [moved[target] as T, moved[index] as T];
  return moved;
}

/**
 * What the server said about a question's options, for the one options box: about the list
 * (`questions.2.options`) as it said it, about one option (`questions.2.options.1`) naming it by
 * its place ("Option 2: …"), all of them, one after the other.
 */
export function optionsError(issues: readonly { field: string; message: string }[], questionIndex: number): string | undefined {
  const list = `questions.${questionIndex}.options`;
  const messages = issues.flatMap((issue) => {
    if (issue.field === list) return [issue.message];
    const line = new RegExp(`^${list.replaceAll(".", "\\.")}\\.(\\d+)$`).exec(issue.field)?.[1];
    return line === undefined ? [] : [`Option ${Number(line) + 1}: ${issue.message}`];
  });
  return messages.length > 0 ? messages.join(" ") : undefined;
}

/** Where, to whom and when a survey shows, in words: "20 % of page views, after 5 s, from 2026-03-01 to 2026-03-31 (Europe/Lisbon)". */
export function displayInWords(display: Survey["display"], timeZone: string): string {
  const parts = [display.samplePercent < 100 ? `${display.samplePercent} % of page views` : "every page view"];
  if (display.delaySeconds > 0) parts.push(`after ${display.delaySeconds} s`);
  const first = display.startsAt === null ? null : dayOf(Date.parse(display.startsAt), timeZone);
  const last = display.endsAt === null ? null : dayOf(Date.parse(display.endsAt) - 1, timeZone);
  if (first && last) parts.push(`from ${first} to ${last} (${timeZone})`);
  else if (first) parts.push(`from ${first} (${timeZone})`);
  else if (last) parts.push(`until ${last} (${timeZone})`);
  return parts.join(", ");
}
