import { createUniqueId, Show, splitProps, type JSX } from "solid-js";
import type { ApiErrorDescription } from "../api/describeApiError.js";

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | undefined };
type TextAreaProps = JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; hint?: string; error?: string | undefined };

/** A labelled input with its hint and its error tied to it for screen readers. */
export function TextField(props: InputProps) {
  const [own, input] = splitProps(props, ["label", "hint", "error", "id"]);
  return <LabelledField {...own}>{(control) => <input {...control} {...input} />}</LabelledField>;
}

/** A labelled multi-line input, its hint and error tied to it as TextField's are. */
export function TextAreaField(props: TextAreaProps) {
  const [own, textarea] = splitProps(props, ["label", "hint", "error", "id"]);
  return <LabelledField {...own}>{(control) => <textarea {...control} {...textarea} />}</LabelledField>;
}

interface ControlAttributes {
  id: string;
  "aria-invalid": "true" | undefined;
  "aria-describedby": string | undefined;
}

/** The label, hint and error around one control, which gets the attributes that tie them to it. */
function LabelledField(props: { label: string; hint?: string | undefined; error?: string | undefined; id?: string | undefined; children: (control: ControlAttributes) => JSX.Element }) {
  const id = props.id ?? createUniqueId();
  const describedBy = () => [props.hint ? `${id}-hint` : "", props.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <Show when={props.hint}>
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      {props.children({
        id,
        get "aria-invalid"() {
          return props.error ? "true" : undefined;
        },
        get "aria-describedby"() {
          return describedBy();
        },
      })}
      <Show when={props.error}>
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** The failure of the last action, said in words, with a way back to sign-in when the session ended. */
export function ErrorNotice(props: { error: ApiErrorDescription | null | undefined }) {
  return (
    <Show when={props.error}>
      {(error) => (
        <div class="notice error" role="alert">
          <p>{error().message}</p>
          <Show when={error().signInNeeded}>
            <p>
              <a href="/sign-in">Sign in again</a>
            </p>
          </Show>
        </div>
      )}
    </Show>
  );
}

/** A list or a page that has nothing yet says what to do next. */
export function EmptyState(props: { title: string; children: JSX.Element }) {
  return (
    <div class="empty">
      <p class="empty-title">{props.title}</p>
      <div>{props.children}</div>
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {props.what}…
    </p>
  );
}
