import { Show } from "solid-js";

/** A long-running job's progress; `total` null while it is still counting (an indeterminate bar). */
export function ProgressBar(props: { label: string; done: number; total: number | null }) {
  const percent = () => (props.total ? Math.min(100, Math.round((props.done / props.total) * 100)) : undefined);
  return (
    <div class="progress">
      <span>{props.label}</span>
      {/* Without a total the bar has no value at all: setting `value` to undefined throws in Chromium. */}
      <Show when={props.total} fallback={<progress aria-label={props.label} />}>
        {(total) => <progress max={total()} value={Math.min(props.done, total())} aria-label={props.label} />}
      </Show>
      <span>{percent() === undefined ? `${props.done} done` : `${percent()}%`}</span>
    </div>
  );
}
