import type { EffectivePolicy } from "../effectivePolicy.js";
import { escapeHtml } from "./escapeHtml.js";
import { buildPolicyPage, type Block, type Inline, type PolicyPageSite } from "./policyPage.js";

/**
 * MS-5.1: the public privacy policy page as a complete, standalone HTML document generated from
 * the enforced policy. Every piece of text is escaped; the page loads nothing and runs no script,
 * and its Content-Security-Policy says so. Clause IDs are kept in `data-clauses` attributes for
 * auditors and tests, out of the reader's way.
 */
export function renderPolicyHtml(policy: EffectivePolicy, site: PolicyPageSite): string {
  const page = buildPolicyPage(policy, site);
  const sections = page.sections
    .map(
      (section) => `    <section id="${escapeHtml(section.id)}">
      <h2>${escapeHtml(section.heading)}</h2>
${section.blocks.map((block) => renderBlock(block, "      ")).join("\n")}
    </section>`,
    )
    .join("\n");
  // Stryker disable next-line StringLiteral: the introduction is one paragraph, joined without a separator whatever it is.
  const introduction = page.introduction.map((block) => renderBlock(block, "    ")).join("\n");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
    <meta name="policy-version" content="${escapeHtml(`${policy.policyId}@${policy.policyVersion}`)}">
    <title>${escapeHtml(page.title)}</title>
    <style>${stylesheet}</style>
  </head>
  <body>
  <main>
    <h1>${escapeHtml(page.title)}</h1>
${introduction}
${sections}
    <footer><p>${escapeHtml(page.lastRevision)}</p></footer>
  </main>
  </body>
</html>
`;
}

function renderBlock(block: Block, indent: string): string {
  switch (block.kind) {
    case "paragraph":
      return `${indent}<p data-clauses="${escapeHtml(block.clauses.join(" "))}">${renderInline(block.content)}</p>`;
    case "list":
      return `${indent}<ul>\n${block.items
        .map((item) => `${indent}  <li data-clauses="${escapeHtml(item.clauses.join(" "))}">${renderInline(item.content)}</li>`)
        .join("\n")}\n${indent}</ul>`;
    case "cookie-table":
      return `${indent}<table class="cookies">
${indent}  <caption>Cookies set by the software</caption>
${indent}  <thead><tr><th scope="col">Cookie</th><th scope="col">Purpose</th><th scope="col">Lifetime</th><th scope="col">First-party</th></tr></thead>
${indent}  <tbody>
${block.rows
  .map(
    (row) =>
      // Stryker disable next-line StringLiteral: the policy schema requires every cookie to be first-party (MS-1.12), so "No" is never written.
      `${indent}    <tr data-clauses="${escapeHtml(row.clauses.join(" "))}"><td><code>${escapeHtml(row.name)}</code></td><td>${escapeHtml(row.purpose)}</td><td>${escapeHtml(row.lifetime)}</td><td>${row.firstParty ? "Yes" : "No"}</td></tr>`,
  )
  .join("\n")}
${indent}  </tbody>
${indent}</table>`;
  }
}

function renderInline(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      if (typeof inline === "string") return escapeHtml(inline);
      if ("code" in inline) return `<code>${escapeHtml(inline.code)}</code>`;
      return `<a href="${escapeHtml(inline.href)}">${escapeHtml(inline.link)}</a>`;
    })
    .join("");
}

const stylesheet = `
      :root { color-scheme: light dark; --text: #1d2430; --muted: #5b6575; --rule: #d9dee7; --accent: #2456c9; --code: #f1f3f7; }
      @media (prefers-color-scheme: dark) { :root { --text: #e6e9ef; --muted: #a4adbd; --rule: #3a4252; --accent: #8fb0ff; --code: #262c38; } }
      body { margin: 0; font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); }
      main { max-width: 46rem; margin: 0 auto; padding: 3rem 1.25rem 4rem; }
      h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 1.5rem; }
      h2 { font-size: 1.2rem; margin: 2.5rem 0 0.75rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
      ul { padding-left: 1.25rem; } li { margin: 0.5rem 0; }
      a { color: var(--accent); }
      code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--code); padding: 0.1em 0.35em; border-radius: 4px; overflow-wrap: anywhere; }
      td code { white-space: nowrap; }
      table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: 0.95rem; }
      caption { text-align: left; font-weight: 600; margin-bottom: 0.5rem; }
      th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--rule); }
      th { color: var(--muted); font-weight: 600; }
      footer { margin-top: 3rem; color: var(--muted); font-style: italic; }
    `;
