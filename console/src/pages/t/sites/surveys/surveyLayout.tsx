import { A, useParams, type RouteSectionProps } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { useApi } from "../../../../api/apiContext.js";
import { describeApiError } from "../../../../api/describeApiError.js";
import { createSurveyStore } from "../../../../data/surveysStore.js";
import { ErrorNotice, Loading } from "../../../../ui/formControls.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";
import { SurveyContext } from "./surveyContext.js";

/** `/t/:tenantId/sites/:siteId/surveys/:surveyId/...`: one survey, its results and its editor. */
export default function SurveyLayout(props: RouteSectionProps) {
  const params = useParams<{ surveyId: string }>();
  const tenant = useTenant();
  const { siteId } = useSite();
  const api = useApi();
  const surveysPath = `/t/${tenant.tenantId}/sites/${siteId}/surveys`;
  return (
    <Show when={params.surveyId} keyed>
      {(surveyId) => {
        const store = createSurveyStore(api, tenant.tenantId, surveyId);
        return (
          <>
            <p class="breadcrumb">
              <A href={surveysPath}>Surveys</A> ›
            </p>
            <Switch fallback={<Loading what="the survey" />}>
              <Match when={store.survey.error}>
                <ErrorNotice error={describeApiError(store.survey.error)} />
              </Match>
              <Match when={store.survey()}>
                {(survey) => (
                  <SurveyContext.Provider value={{ surveyId, store, survey, surveysPath, surveyPath: `${surveysPath}/${surveyId}` }}>
                    {props.children}
                  </SurveyContext.Provider>
                )}
              </Match>
            </Switch>
          </>
        );
      }}
    </Show>
  );
}
