import { createSignal, createUniqueId, Show } from "solid-js";
import { useApi } from "../../api/apiContext.js";
import { createAction } from "../../ui/createAction.js";
import { ErrorNotice } from "../../ui/formControls.js";

/** Publishes a new version of a policy document (JSON, as in @mousetrail/policies schema/policyDocument.ts). */
export function PolicyPublishing() {
  const api = useApi();
  const [text, setText] = createSignal("");
  const [parseError, setParseError] = createSignal<string | null>(null);
  const [published, setPublished] = createSignal<string | null>(null);
  const publish = createAction(async (document: Record<string, unknown>) => {
    const result = await api.platform.policies.publish.mutate({ document });
    setPublished(`${result.policyId} version ${result.version}, revised on ${result.revisedOn}`);
  });
  const id = createUniqueId();
  return (
    <section aria-label="Policy publishing">
      <p>Sites keep the version they run until their admins switch; every published version stays readable for audits.</p>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setPublished(null);
          setParseError(null);
          let document: unknown;
          try {
            document = JSON.parse(text());
          } catch (error) {
            setParseError(`The document is not JSON: ${(error as Error).message}`);
            return;
          }
          if (typeof document !== "object" || document === null || Array.isArray(document)) {
            setParseError("The document must be a JSON object.");
            return;
          }
          void publish.run(document as Record<string, unknown>);
        }}
      >
        <ErrorNotice error={publish.error()} />
        <div class="field">
          <label for={id}>Policy document (JSON)</label>
          <textarea id={id} rows={12} required value={text()} onInput={(e) => setText(e.currentTarget.value)} />
          <Show when={parseError()}>
            <p class="field-error">{parseError()}</p>
          </Show>
        </div>
        <button type="submit" class="primary" disabled={publish.pending()}>
          Publish
        </button>
      </form>
      <Show when={published()}>
        <p class="notice success" role="status">
          Published {published()}.
        </p>
      </Show>
    </section>
  );
}
