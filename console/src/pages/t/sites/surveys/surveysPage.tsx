import { A } from "@solidjs/router";
import { For, Match, Show, Switch } from "solid-js";
import { useApi } from "../../../../api/apiContext.js";
import { describeApiError } from "../../../../api/describeApiError.js";
import { displayInWords } from "../../../../data/surveyForm.js";
import { createSurveysStore, type ListedSurvey } from "../../../../data/surveysStore.js";
import { formatDate } from "../../../../ui/formatDate.js";
import { EmptyState, ErrorNotice, Loading } from "../../../../ui/formControls.js";
import { useTenant } from "../../tenantContext.js";
import { useSite, useSiteTimeZone } from "../siteContext.js";
import { StatusBadge } from "./statusBadge.js";

/** `/t/:tenantId/sites/:siteId/surveys`: the site's surveys, newest first, with how many visitors answered each. */
export default function SurveysPage() {
  const tenant = useTenant();
  const { siteId } = useSite();
  const timeZone = useSiteTimeZone();
  const api = useApi();
  const store = createSurveysStore(api, tenant.tenantId, siteId);
  const surveysPath = `/t/${tenant.tenantId}/sites/${siteId}/surveys`;
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  return (
    <>
      <div class="row spread">
        <h2>Surveys</h2>
        <Show when={canWrite}>
          <A class="button-link" href={`${surveysPath}/new`}>
            New survey
          </A>
        </Show>
      </div>
      <Switch fallback={<Loading what="surveys" />}>
        <Match when={store.surveys.error}>
          <ErrorNotice error={describeApiError(store.surveys.error)} />
        </Match>
        <Match when={store.surveys()?.length === 0}>
          <EmptyState title="No surveys yet">
            <p>A survey asks the visitors of chosen pages a few questions in a corner of the page; answers arrive here, with personal data removed.</p>
          </EmptyState>
        </Match>
        <Match when={store.surveys()}>
          {(surveys) => (
            <div class="table-scroll">
              <table class="responsive">
                <caption class="muted">Surveys of this site, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Survey</th>
                    <th scope="col">Status</th>
                    <th scope="col">Shown on</th>
                    <th scope="col">Created</th>
                    <th scope="col">Answers</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={surveys()}>{(survey) => <SurveyRow survey={survey} href={`${surveysPath}/${survey.surveyId}`} timeZone={timeZone()} />}</For>
                </tbody>
              </table>
            </div>
          )}
        </Match>
      </Switch>
    </>
  );
}

function SurveyRow(props: { survey: ListedSurvey; href: string; timeZone: string }) {
  return (
    <tr>
      <td>
        <A href={props.href}>{props.survey.title}</A>
      </td>
      <td data-label="Status">
        <StatusBadge survey={props.survey} />
      </td>
      <td data-label="Shown on">
        <code>{props.survey.display.pathPrefix}</code>
        <br />
        <span class="muted">{displayInWords(props.survey.display, props.timeZone)}</span>
      </td>
      <td data-label="Created">{formatDate(props.survey.createdAt)}</td>
      <td data-label="Answers">{props.survey.responses}</td>
    </tr>
  );
}
