import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { createStore, unwrap } from "solid-js/store";
import { fieldError } from "../../../../api/describeApiError.js";
import { definitionOfDraft, moveQuestion, newQuestion, type SurveyDefinition, type SurveyDraft } from "../../../../data/surveyForm.js";
import type { Action } from "../../../../ui/createAction.js";
import { EmptyState, ErrorNotice, TextAreaField, TextField } from "../../../../ui/formControls.js";
import { QuestionEditor } from "./questionEditor.js";
import { useSiteTimeZone } from "../siteContext.js";

/** The API's limit (surveyLimits.maxQuestions): the button stops there rather than the server refusing. */
const maxQuestions = 10;

export type SaveAs = "draft" | "active";

export interface SurveyEditorProps {
  initial: SurveyDraft;
  /** The main button, which saves as `active`. */
  submitLabel: string;
  /** A second button that saves as a draft, for a new survey. */
  draftLabel?: string;
  cancelHref: string;
  save: Action<[SurveyDefinition, SaveAs], unknown>;
}

/**
 * The survey form, for a new survey and for changes: what is asked, where and when it shows.
 * The server checks it against the site's privacy policy; what it refuses shows beside the field
 * it names, and focus goes to the first such field.
 */
export function SurveyEditor(props: SurveyEditorProps) {
  // The form starts from the initial draft and then owns its state.
  const [draft, setDraft] = createStore<SurveyDraft>(structuredClone(props.initial));
  const timeZone = useSiteTimeZone();
  let form!: HTMLFormElement;
  const error = (field: string) => fieldError(props.save.error(), field);
  /** About the list itself (too many, or frozen by answers), not about one question in it. */
  // The API compares instants; the form's days say it in days.
  const lastDayError = () => {
    const message = error("display.endsAt");
    return message === "must be after display.startsAt" ? "must be on or after the first day" : message;
  };
  const listError = () => props.save.error()?.fields.find((issue) => issue.field === "questions")?.message;

  const questionAt = (key: number) => form.querySelector<HTMLFieldSetElement>(`[data-question-key="${key}"]`);
  const afterRender = (focus: () => void) => requestAnimationFrame(focus);

  function addQuestion() {
    const question = newQuestion();
    setDraft("questions", (list) => [...list, question]);
    afterRender(() => questionAt(question.key)?.querySelector("select")?.focus());
  }
  function move(index: number, by: -1 | 1) {
    const key = draft.questions[index]?.key;
    setDraft("questions", (list) => moveQuestion(list, index, by));
    // The moved question keeps focus on its button, or on the other one at either end of the list.
    afterRender(() => {
      const buttons = [...(questionAt(key ?? -1)?.querySelectorAll<HTMLButtonElement>("button[data-move]") ?? [])];
      const same = buttons.find((button) => button.dataset.move === (by < 0 ? "up" : "down"));
      (same && !same.disabled ? same : buttons.find((button) => !button.disabled))?.focus();
    });
  }
  function remove(index: number) {
    setDraft("questions", (list) => list.filter((_question, at) => at !== index));
    afterRender(() => {
      const next = draft.questions[Math.min(index, draft.questions.length - 1)];
      questionAt(next?.key ?? -1)?.querySelector<HTMLElement>("legend")?.focus();
    });
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const saveAs: SaveAs = event.submitter instanceof HTMLButtonElement && event.submitter.value === "draft" ? "draft" : "active";
    await props.save.run(definitionOfDraft(unwrap(draft), timeZone()), saveAs);
    if (props.save.error()) {
      afterRender(() => (form.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.querySelector<HTMLElement>(".notice-holder"))?.focus());
    }
  }

  return (
    <form ref={form} class="stack survey-editor" novalidate onSubmit={(event) => void submit(event)}>
      <div tabindex="-1" class="notice-holder">
        <ErrorNotice error={props.save.error()} />
      </div>
      <TextField label="Title" required maxLength={120} value={draft.title} onInput={(e) => setDraft("title", e.currentTarget.value)} error={error("title")} />
      <TextAreaField
        label="Introduction (optional)"
        hint="Shown above the questions."
        rows={2}
        maxLength={500}
        value={draft.intro}
        onInput={(e) => setDraft("intro", e.currentTarget.value)}
        error={error("intro")}
      />
      <fieldset class="targeting">
        <legend>Where and when it shows</legend>
        <TextField
          label="Pages whose path starts with"
          hint="/ for every page; /demo/checkout for the checkout page and the pages under it."
          required
          value={draft.pathPrefix}
          onInput={(e) => setDraft("pathPrefix", e.currentTarget.value)}
          error={error("display.pathPrefix")}
        />
        <TextField
          label="Delay after the page opens, in seconds"
          type="number"
          inputMode="numeric"
          min={0}
          max={3600}
          value={draft.delaySeconds}
          onInput={(e) => setDraft("delaySeconds", e.currentTarget.value)}
          error={error("display.delaySeconds")}
        />
        <TextField
          label="Share of page views that show it, in percent"
          hint="100 for every page view; less to ask fewer visitors. Each page view is drawn on its own."
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          required
          value={draft.samplePercent}
          onInput={(e) => setDraft("samplePercent", e.currentTarget.value)}
          error={error("display.samplePercent")}
        />
        <div class="field-pair">
          <TextField
            label="First day (optional)"
            hint={`In the site's time zone, ${timeZone()}. Blank: from when it is active.`}
            type="date"
            value={draft.firstDay}
            onInput={(e) => setDraft("firstDay", e.currentTarget.value)}
            error={error("display.startsAt")}
          />
          <TextField
            label="Last day (optional)"
            hint={`In the site's time zone, included. Blank: until archived.`}
            type="date"
            value={draft.lastDay}
            onInput={(e) => setDraft("lastDay", e.currentTarget.value)}
            error={lastDayError()}
          />
        </div>
      </fieldset>
      <h3 id="questions-heading">Questions</h3>
      <Show when={listError()}>
        <p class="field-error" role="alert">
          {listError()}
        </p>
      </Show>
      <For each={draft.questions}>
        {(question, index) => (
          <QuestionEditor
            question={question}
            index={index()}
            count={draft.questions.length}
            error={props.save.error()}
            onChange={(field, value) => setDraft("questions", index(), field, value)}
            onMove={(by) => move(index(), by)}
            onRemove={() => remove(index())}
          />
        )}
      </For>
      <div class="row">
        <button type="button" class="secondary" disabled={draft.questions.length >= maxQuestions} onClick={addQuestion}>
          Add a question
        </button>
        <span class="muted">
          {draft.questions.length} of at most {maxQuestions} questions
        </span>
      </div>
      <div class="row">
        <button type="submit" class="primary" value="active" disabled={props.save.pending()}>
          {props.submitLabel}
        </button>
        <Show when={props.draftLabel}>
          <button type="submit" class="secondary" value="draft" disabled={props.save.pending()}>
            {props.draftLabel}
          </button>
        </Show>
        <A href={props.cancelHref}>Cancel</A>
      </div>
    </form>
  );
}

/** In place of the editor for analysts, who read surveys and their results but do not change them. */
export function NotYourRole() {
  return (
    <EmptyState title="Your role cannot change surveys">
      <p>Owners and admins create and change surveys; you can read them and their results.</p>
    </EmptyState>
  );
}
