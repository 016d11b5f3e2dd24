import { describe, expect, it } from "vitest";
import { definitionOfDraft, displayInWords, draftOfSurvey, moveQuestion, newQuestion, newSurveyDraft, optionLines, optionsError, type Survey } from "./surveyForm.js";

const stored: Survey = {
  surveyId: "srv_00000000000000000001",
  siteId: "site_0000000000000000001",
  title: "Checkout feedback",
  intro: "Two quick questions",
  questions: [
    { questionId: "q_0000000001", type: "single-choice", label: "Did you find what you came for?", required: true, options: ["Yes", "No"] },
    { questionId: "q_0000000002", type: "multiple-choice", label: "What did you look at?", required: false, options: ["Jackets", "Boots", "Tents"] },
    { questionId: "q_0000000003", type: "rating", label: "How easy was checkout?", required: false, scale: { min: 0, max: 10 }, lowLabel: "Hard", highLabel: null },
    { questionId: "q_0000000004", type: "free-text", label: "Anything else?", required: false, placeholder: null, maxLength: 300 },
    { questionId: "q_0000000005", type: "free-text", label: "And?", required: false, placeholder: "Optional", maxLength: null },
  ],
  display: { pathPrefix: "/demo/checkout", delaySeconds: 5, samplePercent: 20, startsAt: "2026-03-01T00:00:00.000Z", endsAt: "2026-04-01T00:00:00.000Z" },
  status: "active",
  createdAt: "2026-03-01T10:00:00.000Z",
  updatedAt: "2026-03-01T10:00:00.000Z",
  archivedAt: null,
};

describe("the survey editor's draft and the API's definition", () => {
  it("sends a stored survey back as the server holds it, so saving it unchanged changes no question", () => {
    expect(definitionOfDraft(draftOfSurvey(stored, "UTC"), "UTC")).toEqual({
      title: "Checkout feedback",
      intro: "Two quick questions",
      display: { pathPrefix: "/demo/checkout", delaySeconds: 5, samplePercent: 20, startsAt: "2026-03-01T00:00:00.000Z", endsAt: "2026-04-01T00:00:00.000Z" },
      questions: [
        { type: "single-choice", label: "Did you find what you came for?", required: true, options: ["Yes", "No"] },
        { type: "multiple-choice", label: "What did you look at?", required: false, options: ["Jackets", "Boots", "Tents"] },
        // Blank labels go as "", which the API stores as null (absent).
        { type: "rating", label: "How easy was checkout?", required: false, scale: { min: 0, max: 10 }, lowLabel: "Hard", highLabel: "" },
        { type: "free-text", label: "Anything else?", required: false, placeholder: "", maxLength: 300 },
        { type: "free-text", label: "And?", required: false, placeholder: "Optional" },
      ],
    });
  });

  it("sends only the fields of the question's current type, whatever was typed under another type", () => {
    const question = { ...newQuestion("single-choice"), label: "Rate us", options: "Yes\nNo", placeholder: "left over" };
    const draft = { ...newSurveyDraft(), title: "T", questions: [{ ...question, type: "rating" as const }] };
    expect(definitionOfDraft(draft, "UTC").questions).toEqual([{ type: "rating", label: "Rate us", required: false, scale: { min: 1, max: 5 }, lowLabel: "", highLabel: "" }]);
  });

  it("sends numbers as typed, so the server names a bad one beside its field", () => {
    const draft = { ...newSurveyDraft(), delaySeconds: "2.5", questions: [{ ...newQuestion("free-text"), maxLength: "0" }, { ...newQuestion("rating"), scaleMin: "", scaleMax: "x" }] };
    const definition = definitionOfDraft(draft, "UTC");
    expect(definition.display.delaySeconds).toBe(2.5);
    expect(definition.questions[0]).toMatchObject({ maxLength: 0 });
    expect(definition.questions[1]).toMatchObject({ scale: { min: 1, max: Number.NaN } });
  });

  it("starts a new survey shown on every page at once, with one question", () => {
    expect(definitionOfDraft(newSurveyDraft(), "UTC")).toMatchObject({
      display: { pathPrefix: "/", delaySeconds: 0, samplePercent: 100, startsAt: null, endsAt: null },
      questions: [{ type: "single-choice", options: [] }],
    });
  });

  it("shows the days a survey runs as the date inputs want them, the last day included (endsAt excluded)", () => {
    expect(draftOfSurvey(stored, "UTC")).toMatchObject({ samplePercent: "20", firstDay: "2026-03-01", lastDay: "2026-03-31" });
    const oneDay = { ...newSurveyDraft(), firstDay: "2026-02-28", lastDay: "2026-02-28" };
    expect(definitionOfDraft(oneDay, "UTC").display).toMatchObject({ startsAt: "2026-02-28T00:00:00.000Z", endsAt: "2026-03-01T00:00:00.000Z" });
    // An end set by the API mid-day: the day it falls on is the last one.
    expect(draftOfSurvey({ ...stored, display: { ...stored.display, endsAt: "2026-03-10T12:00:00.000Z" } }, "UTC").lastDay).toBe("2026-03-10");
  });

  it("reads the days a survey runs in the site's time zone, across a daylight-saving change", () => {
    // Lisbon is UTC+1 in summer and UTC+0 in winter; the clocks went back on 2026-10-25.
    const days = { ...newSurveyDraft(), firstDay: "2026-07-01", lastDay: "2026-10-25" };
    const display = definitionOfDraft(days, "Europe/Lisbon").display;
    expect(display).toMatchObject({ startsAt: "2026-06-30T23:00:00.000Z", endsAt: "2026-10-26T00:00:00.000Z" });
    const lisbon = { ...stored, display: { ...stored.display, ...display } };
    expect(draftOfSurvey(lisbon, "Europe/Lisbon")).toMatchObject({ firstDay: "2026-07-01", lastDay: "2026-10-25" });
    expect(displayInWords(lisbon.display, "Europe/Lisbon")).toBe("every page view, from 2026-07-01 to 2026-10-25 (Europe/Lisbon)");
    // The same instants read in UTC start the evening before.
    expect(draftOfSurvey(lisbon, "UTC").firstDay).toBe("2026-06-30");
  });

  it("gives every question its own key, so rows keep their state while they move", () => {
    const keys = draftOfSurvey(stored, "UTC").questions.map((question) => question.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("optionLines", () => {
  it.each([
    ["", []],
    ["Yes\nNo\n", ["Yes", "No"]],
    ["  Yes \r\n\n No", ["Yes", "No"]],
  ] as const)("%j → %j", (text, options) => {
    expect(optionLines(text)).toEqual(options);
  });
});

describe("moveQuestion", () => {
  it.each([
    [0, 1, ["b", "a", "c"]],
    [2, -1, ["a", "c", "b"]],
    [0, -1, ["a", "b", "c"]],
    [2, 1, ["a", "b", "c"]],
    [5, -1, ["a", "b", "c"]],
  ] as const)("moves index %i by %i", (index, by, expected) => {
    const list = ["a", "b", "c"];
    expect(moveQuestion(list, index, by)).toEqual(expected);
    expect(list).toEqual(["a", "b", "c"]);
  });
});

describe("optionsError: the server's words about options, beside the options box", () => {
  it.each([
    [[], undefined],
    [[{ field: "questions.1.options", message: "must list at least 2 options" }], "must list at least 2 options"],
    [[{ field: "questions.1.options.2", message: "must not contain personal data (found an email address)" }], "Option 3: must not contain personal data (found an email address)"],
    [
      [
        { field: "questions.1.options.0", message: "must not be empty" },
        { field: "questions.1.label", message: "must not be empty" },
        { field: "questions.11.options.0", message: "another question" },
        { field: "questions.1.options.1", message: "must be at most 100 characters" },
      ],
      "Option 1: must not be empty Option 2: must be at most 100 characters",
    ],
  ] as const)("%j → %s", (issues, expected) => {
    expect(optionsError(issues, 1)).toBe(expected);
  });
});

describe("displayInWords", () => {
  const display = { pathPrefix: "/", delaySeconds: 0, samplePercent: 100, startsAt: null, endsAt: null };
  it.each([
    [{}, "every page view"],
    [{ samplePercent: 20, delaySeconds: 5 }, "20 % of page views, after 5 s"],
    [{ startsAt: "2026-03-01T00:00:00.000Z", endsAt: "2026-04-01T00:00:00.000Z" }, "every page view, from 2026-03-01 to 2026-03-31 (UTC)"],
    [{ startsAt: "2026-03-01T00:00:00.000Z" }, "every page view, from 2026-03-01 (UTC)"],
    [{ endsAt: "2026-04-01T00:00:00.000Z" }, "every page view, until 2026-03-31 (UTC)"],
  ] as const)("%j → %s", (change, words) => {
    expect(displayInWords({ ...display, ...change }, "UTC")).toBe(words);
  });
});
