/** A long-running job's progress; `total` null while it is still counting. */
export function ProgressBar(props: { label: string; done: number; total: number | null }) {
  const percent = () => (props.total ? Math.min(100, Math.round((props.done / props.total) * 100)) : undefined);
  return (
    <div class="progress">
      <span>{props.label}</span>
      <progress max={props.total ?? undefined} value={props.total ? props.done : undefined} aria-label={props.label} />
      <span>{percent() === undefined ? `${props.done} done` : `${percent()}%`}</span>
    </div>
  );
}
