import { Show } from "solid-js";
import type { Survey } from "../../../../data/surveyForm.js";
import { formatDate } from "../../../../ui/formatDate.js";

/** Active (shown to visitors) or archived (no longer shown, results kept), with when it was archived. */
export function StatusBadge(props: { survey: Survey }) {
  return (
    <Show when={props.survey.status === "archived"} fallback={<span class="badge ok">Active</span>}>
      <span class="badge">Archived</span> <span class="muted">{formatDate(props.survey.archivedAt)}</span>
    </Show>
  );
}
