import { Match, Switch } from "solid-js";
import type { Survey } from "../../../../data/surveyForm.js";
import { formatDate } from "../../../../ui/formatDate.js";

/** Draft (shown to nobody), active (shown to visitors) or archived (no longer shown, results kept, and since when). */
export function StatusBadge(props: { survey: Survey }) {
  return (
    <Switch>
      <Match when={props.survey.status === "draft"}>
        <span class="badge">Draft</span>
      </Match>
      <Match when={props.survey.status === "active"}>
        <span class="badge ok">Active</span>
      </Match>
      <Match when={props.survey.status === "archived"}>
        <span class="badge">Archived</span> <span class="muted">{formatDate(props.survey.archivedAt)}</span>
      </Match>
    </Switch>
  );
}
