import { createUniqueId, For, Match, Show, Switch } from "solid-js";
import { fieldError, type ApiErrorDescription } from "../../../../api/describeApiError.js";
import { optionsError, questionTypes, type QuestionDraft, type QuestionType } from "../../../../data/surveyForm.js";
import { TextAreaField, TextField } from "../../../../ui/formControls.js";

export interface QuestionEditorProps {
  question: QuestionDraft;
  index: number;
  count: number;
  error: ApiErrorDescription | null;
  onChange<K extends keyof QuestionDraft>(field: K, value: QuestionDraft[K]): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One question of the survey editor: its type, its text, the fields of its type, and its place in the list. */
export function QuestionEditor(props: QuestionEditorProps) {
  const typeId = createUniqueId();
  const at = () => `questions.${props.index}`;
  const error = (field: string) => fieldError(props.error, `${at()}.${field}`);
  const number = () => props.index + 1;
  const text = (field: "label" | "options" | "scaleMin" | "scaleMax" | "lowLabel" | "highLabel" | "placeholder" | "maxLength") => ({
    value: props.question[field],
    onInput: (event: { currentTarget: { value: string } }) => props.onChange(field, event.currentTarget.value),
  });
  return (
    <fieldset class="question" data-question-key={props.question.key}>
      <legend tabindex="-1">Question {number()}</legend>
      <div class="field">
        <label for={typeId}>Type</label>
        <select
          id={typeId}
          value={props.question.type}
          aria-invalid={error("type") ? "true" : undefined}
          aria-describedby={error("type") ? `${typeId}-error` : undefined}
          onChange={(event) => props.onChange("type", event.currentTarget.value as QuestionType)}
        >
          <For each={questionTypes}>{(option) => <option value={option.type}>{option.name}</option>}</For>
        </select>
        <Show when={error("type")}>
          <p class="field-error" id={`${typeId}-error`}>
            {error("type")}
          </p>
        </Show>
      </div>
      <TextField label="Question" required maxLength={300} {...text("label")} error={error("label")} />
      <Switch>
        <Match when={props.question.type === "single-choice" || props.question.type === "multiple-choice"}>
          <TextAreaField label="Options" hint="One option a line, 2 to 10." rows={4} {...text("options")} error={optionsError(props.error?.fields ?? [], props.index)} />
        </Match>
        <Match when={props.question.type === "rating"}>
          <div class="field-pair">
            <TextField label="Lowest rating" type="number" inputMode="numeric" min={0} max={1} required {...text("scaleMin")} error={error("scale.min")} />
            <TextField label="Highest rating" type="number" inputMode="numeric" min={2} max={10} required {...text("scaleMax")} error={error("scale.max")} />
          </div>
          <div class="field-pair">
            <TextField label="Lowest rating means (optional)" placeholder="Not at all" maxLength={60} {...text("lowLabel")} error={error("lowLabel")} />
            <TextField label="Highest rating means (optional)" placeholder="Very much" maxLength={60} {...text("highLabel")} error={error("highLabel")} />
          </div>
        </Match>
        <Match when={props.question.type === "free-text"}>
          <TextField label="Placeholder (optional)" maxLength={200} {...text("placeholder")} error={error("placeholder")} />
          <TextField
            label="Longest answer, in characters (optional)"
            hint="Leave blank for the longest the site's privacy policy allows. Personal data in answers is removed when they arrive."
            type="number"
            inputMode="numeric"
            min={1}
            {...text("maxLength")}
            error={error("maxLength")}
          />
        </Match>
      </Switch>
      <label class="checkbox">
        <input type="checkbox" checked={props.question.required} onChange={(event) => props.onChange("required", event.currentTarget.checked)} />
        An answer is required
      </label>
      <div class="row">
        <button type="button" class="secondary" data-move="up" aria-label={`Move up question ${number()}`} disabled={props.index === 0} onClick={() => props.onMove(-1)}>
          Move up
        </button>
        <button type="button" class="secondary" data-move="down" aria-label={`Move down question ${number()}`} disabled={props.index === props.count - 1} onClick={() => props.onMove(1)}>
          Move down
        </button>
        <button type="button" class="danger" aria-label={`Remove question ${number()}`} disabled={props.count === 1} onClick={() => props.onRemove()}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}
