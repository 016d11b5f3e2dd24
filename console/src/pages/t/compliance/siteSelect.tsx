import { createUniqueId, For, Show } from "solid-js";
import type { Site } from "../../../data/sitesStore.js";

/** Chooses one of the tenant's sites; `allLabel` adds a choice for all of them (value ""). */
export function SiteSelect(props: { sites: readonly Site[]; value: string; onChange(siteId: string): void; allLabel?: string; error?: string | undefined }) {
  const id = createUniqueId();
  return (
    <div class="field">
      <label for={id}>Site</label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <Show when={props.allLabel} fallback={<option value="">Choose a site</option>}>
          <option value="">{props.allLabel}</option>
        </Show>
        <For each={props.sites}>{(site) => <option value={site.siteId}>{site.name}</option>}</For>
      </select>
      <Show when={props.error}>
        <p class="field-error">{props.error}</p>
      </Show>
    </div>
  );
}
