import { useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { draftOfSurvey, type SurveyDefinition } from "../../../../data/surveyForm.js";
import { createAction } from "../../../../ui/createAction.js";
import { EmptyState } from "../../../../ui/formControls.js";
import { notify } from "../../../../ui/toasts.js";
import { useSurvey } from "./surveyContext.js";
import { NotYourRole, SurveyEditor } from "./surveyEditor.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";

/** `/t/:tenantId/sites/:siteId/surveys/:surveyId/edit`: changes to an active survey (its questions only until the first answer). */
export default function EditSurveyPage() {
  const { store, survey, surveyPath } = useSurvey();
  const navigate = useNavigate();
  const site = useSite();
  const tenant = useTenant();
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  // The status is not the editor's to change: activating and archiving are their own actions.
  const save = createAction(async (definition: SurveyDefinition) => {
    await store.update(definition);
    notify("Survey saved.");
    navigate(surveyPath, { state: { saved: true } });
  });
  return (
    <>
      <h2 tabindex="-1">Edit “{survey().title}”</h2>
      <Show
        when={survey().status !== "archived"}
        fallback={
          <EmptyState title="This survey is archived">
            <p>An archived survey no longer changes. Create a new survey instead.</p>
          </EmptyState>
        }
      >
        <Show when={canWrite} fallback={<NotYourRole />}>
          {/* The survey's days are read in the site's time zone, so the editor waits for the site. */}
          <Show when={site.store.site()}>
            {(loaded) => <SurveyEditor initial={draftOfSurvey(survey(), loaded().timeZone)} submitLabel="Save changes" cancelHref={surveyPath} save={save} />}
          </Show>
        </Show>
      </Show>
    </>
  );
}
