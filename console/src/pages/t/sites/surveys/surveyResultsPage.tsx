import { A, useLocation } from "@solidjs/router";
import { For, Match, onMount, Show, Switch } from "solid-js";
import { describeApiError } from "../../../../api/describeApiError.js";
import { displayInWords } from "../../../../data/surveyForm.js";
import { barText, freeTextByQuestion, resultBars } from "../../../../data/surveyResultsView.js";
import { type SurveyResults } from "../../../../data/surveysStore.js";
import { ConfirmDialog } from "../../../../ui/confirmDialog.js";
import { DownloadButtons } from "../../../../ui/downloadButtons.js";
import { fileNamePart } from "../../../../ui/downloadFile.js";
import { createAction } from "../../../../ui/createAction.js";
import { formatDate } from "../../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../../ui/formControls.js";
import { NewerOlderPager } from "../../../../ui/newerOlderPager.js";
import { notify } from "../../../../ui/toasts.js";
import { useTenant } from "../../tenantContext.js";
import { FreeTextAnswer } from "./freeTextAnswer.js";
import { StatusBadge } from "./statusBadge.js";
import { useSurvey } from "./surveyContext.js";
import { useSiteTimeZone } from "../siteContext.js";

/** `/t/:tenantId/sites/:siteId/surveys/:surveyId`: what visitors answered, question by question; archive; download. */
export default function SurveyResultsPage() {
  const tenant = useTenant();
  const { surveyId, store, survey, surveyPath } = useSurvey();
  const timeZone = useSiteTimeZone();
  const location = useLocation<{ saved?: boolean }>();
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  let heading!: HTMLHeadingElement;
  // After a save the editor is gone; focus lands on what was saved rather than on the page's top.
  onMount(() => location.state?.saved && heading.focus());
  const activate = createAction(async () => {
    await store.activate();
    notify("Survey activated: it is now shown to visitors, within its days.");
  });
  const archive = createAction(async () => {
    await store.archive();
    notify("Survey archived: it is no longer shown to visitors.");
    return true;
  });
  return (
    <>
      <h2 ref={heading} tabindex="-1">
        {survey().title}
      </h2>
      <p>
        <StatusBadge survey={survey()} /> Pages under <code>{survey().display.pathPrefix}</code>: {displayInWords(survey().display, timeZone())}. Created {formatDate(survey().createdAt)}.
      </p>
      <ErrorNotice error={activate.error()} />
      <div class="row">
        <Show when={canWrite && survey().status === "draft"}>
          <button type="button" class="primary" disabled={activate.pending()} onClick={() => void activate.run()}>
            Activate
          </button>
        </Show>
        <Show when={canWrite && survey().status !== "archived"}>
          <A class="button-link" href={`${surveyPath}/edit`}>
            Edit
          </A>
          <ConfirmDialog
            trigger="Archive"
            title={`Archive “${survey().title}”?`}
            confirmLabel="Archive survey"
            pending={archive.pending()}
            error={archive.error()}
            onConfirm={async () => Boolean(await archive.run())}
          >
            <p>Visitors stop seeing it and no more answers are accepted. Its results stay here. An archived survey cannot be reactivated.</p>
          </ConfirmDialog>
        </Show>
        <span class="muted">Answers</span>
        <DownloadButtons
          what="the answers"
          path="/exports/survey-answers"
          input={() => ({ tenantId: tenant.tenantId, surveyId })}
          fileName={(format) => `${fileNamePart(survey().title)}-answers.${format}`}
          small
        />
      </div>
      <Switch fallback={<Loading what="the results" />}>
        <Match when={store.results.error}>
          <ErrorNotice error={describeApiError(store.results.error)} />
        </Match>
        <Match when={store.results.latest}>{(results) => <Results results={results()} />}</Match>
      </Switch>
    </>
  );
}

function Results(props: { results: SurveyResults }) {
  const { store } = useSurvey();
  const scaleWordsOf = (questionId: string) => {
    const question = props.results.survey.questions.find((candidate) => candidate.questionId === questionId);
    return question?.type === "rating" ? question : undefined;
  };
  return (
    <Show
      when={props.results.responses > 0}
      fallback={
        <EmptyState title="No answers yet">
          <p>Answers appear here as visitors send them.</p>
        </EmptyState>
      }
    >
      <p class="responses" role="status">
        {props.results.responses === 1 ? "1 visitor answered." : `${props.results.responses} visitors answered.`}
      </p>
      <For each={props.results.questions.filter((question) => question.type !== "free-text")}>
        {(question) => (
          <section class="question-result" aria-label={question.label}>
            <h3>{question.label}</h3>
            <p class="muted">
              {question.answered} answered
              <Show when={question.type === "rating" && question.mean !== null && question}>{(rating) => <>, mean {rating().mean}</>}</Show>
              <Show when={question.type === "multiple-choice"}>; each could pick several</Show>
            </p>
            <ul class="result-bars">
              <For each={resultBars(question, scaleWordsOf(question.questionId))}>
                {(bar) => (
                  <li>
                    <span class="bar-label">{bar.label}</span>
                    <span class="bar-track" aria-hidden="true">
                      <span class="bar" style={{ width: `${bar.percent}%` }} />
                    </span>
                    <span class="bar-count">{barText(bar, question.answered)}</span>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
      <For each={freeTextByQuestion(props.results)}>
        {(question) => (
          <section class="question-result" aria-label={question.label}>
            <h3>{question.label}</h3>
            <Show when={question.answers.length > 0} fallback={<p class="muted">No written answers on this page.</p>}>
              <ul class="free-text-answers">
                <For each={question.answers}>
                  {(answer) => (
                    <li>
                      <FreeTextAnswer text={answer.text} />
                      <span class="muted"> · {formatDate(answer.receivedAt)}</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>
        )}
      </For>
      <Show when={store.pageNumber() > 1 || props.results.freeText.nextCursor}>
        <NewerOlderPager pageNumber={store.pageNumber()} hasOlder={Boolean(props.results.freeText.nextCursor)} onNewer={store.newer} onOlder={store.older} />
      </Show>
    </Show>
  );
}
