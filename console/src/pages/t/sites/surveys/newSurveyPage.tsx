import { useNavigate } from "@solidjs/router";
import { Show } from "solid-js";
import { useApi } from "../../../../api/apiContext.js";
import { newSurveyDraft, type SurveyDefinition } from "../../../../data/surveyForm.js";
import { createSurveysStore } from "../../../../data/surveysStore.js";
import { createAction } from "../../../../ui/createAction.js";
import { notify } from "../../../../ui/toasts.js";
import { useTenant } from "../../tenantContext.js";
import { useSite } from "../siteContext.js";
import { NotYourRole, SurveyEditor, type SaveAs } from "./surveyEditor.js";

/** `/t/:tenantId/sites/:siteId/surveys/new`: a new survey, shown to visitors as soon as it is saved. */
export default function NewSurveyPage() {
  const tenant = useTenant();
  const { siteId } = useSite();
  const navigate = useNavigate();
  const canWrite = tenant.role === "owner" || tenant.role === "admin";
  const surveysPath = `/t/${tenant.tenantId}/sites/${siteId}/surveys`;
  const store = createSurveysStore(useApi(), tenant.tenantId, siteId);
  const create = createAction(async (definition: SurveyDefinition, saveAs: SaveAs) => {
    const survey = await store.create(definition, saveAs);
    notify(saveAs === "draft" ? "Draft saved: visitors see it once you activate it." : "Survey created: it is now shown to visitors.");
    navigate(`${surveysPath}/${survey.surveyId}`, { state: { saved: true } });
  });
  return (
    <>
      <h2 tabindex="-1">New survey</h2>
      <p class="muted">Active, it is shown to visitors at once (within its days); a draft waits until you activate it. Its questions can change until the first answer arrives.</p>
      <Show when={canWrite} fallback={<NotYourRole />}>
        <SurveyEditor initial={newSurveyDraft()} submitLabel="Create and activate" draftLabel="Save as draft" cancelHref={surveysPath} save={create} />
      </Show>
    </>
  );
}
