import type { EffectivePolicy } from "@mousetrail/policies/effectivePolicy";
import { buildPolicyPage, type Block, type Inline, type PolicyPageSite } from "@mousetrail/policies/render/policyPage";
import { For, Match, Switch } from "solid-js";

/**
 * The site's public privacy policy page as it would read, built by the very function the server
 * renders /privacy/:siteKey with (MS-5.1), so the preview cannot say something the page does not.
 */
export function PolicyPreview(props: { policy: EffectivePolicy; site: PolicyPageSite }) {
  const page = () => buildPolicyPage(props.policy, props.site);
  return (
    <article class="policy-preview" aria-label="Privacy policy preview" tabindex="0">
      <h3>{page().title}</h3>
      <For each={page().introduction}>{(block) => <PolicyBlock block={block} />}</For>
      <For each={page().sections}>
        {(section) => (
          <section>
            <h4>{section.heading}</h4>
            <For each={section.blocks}>{(block) => <PolicyBlock block={block} />}</For>
          </section>
        )}
      </For>
      <p class="muted">{page().lastRevision}</p>
    </article>
  );
}

function PolicyBlock(props: { block: Block }) {
  return (
    <Switch>
      <Match when={props.block.kind === "paragraph" && props.block}>{(block) => <p>{inlines(block().content)}</p>}</Match>
      <Match when={props.block.kind === "list" && props.block}>
        {(block) => (
          <ul>
            <For each={block().items}>{(item) => <li>{inlines(item.content)}</li>}</For>
          </ul>
        )}
      </Match>
      <Match when={props.block.kind === "cookie-table" && props.block}>{(block) => <CookieTable rows={block().rows} caption="Cookies set by the software" />}</Match>
    </Switch>
  );
}

function inlines(content: readonly Inline[]) {
  return content.map((inline) => (typeof inline === "string" ? inline : "code" in inline ? <code>{inline.code}</code> : <a href={inline.href}>{inline.link}</a>));
}

export function CookieTable(props: { rows: readonly { name: string; purpose: string; lifetime: string; firstParty: boolean }[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="responsive">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Cookie</th>
            <th scope="col">Purpose</th>
            <th scope="col">Lifetime</th>
            <th scope="col">First-party</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(row) => (
              <tr>
                <td>
                  <code class="identifier">{row.name}</code>
                </td>
                <td>{row.purpose}</td>
                <td data-label="Lifetime">{row.lifetime}</td>
                <td data-label="First-party">{row.firstParty ? "Yes" : "No"}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
