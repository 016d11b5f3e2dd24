import { For } from "solid-js";
import { answerParts } from "../../../../data/surveyResultsView.js";

/** A visitor's written answer as stored: what the site's policy removed on arrival is marked, in words. */
export function FreeTextAnswer(props: { text: string }) {
  return (
    <q class="free-text">
      <For each={answerParts(props.text)}>
        {(part) => ("text" in part ? part.text : <mark class="redacted" data-redacted={part.redacted}>{`[${part.description}]`}</mark>)}
      </For>
    </q>
  );
}
