import { createUniqueId, Show, splitProps, type JSX } from "solid-js";
import type { ApiErrorDescription } from "../api/describeApiError.js";

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string | undefined };

/** A labelled input with its hint and its error tied to it for screen readers. */
export function TextField(props: InputProps) {
  const [own, input] = splitProps(props, ["label", "hint", "error", "id"]);
  const id = own.id ?? createUniqueId();
  const describedBy = () => [own.hint ? `${id}-hint` : "", own.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class="field">
      <label for={id}>{own.label}</label>
      <Show when={own.hint}>
        <p class="hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
      <input id={id} aria-invalid={own.error ? "true" : undefined} aria-describedby={describedBy()} {...input} />
      <Show when={own.error}>
        <p class="field-error" id={`${id}-error`}>
          {own.error}
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
