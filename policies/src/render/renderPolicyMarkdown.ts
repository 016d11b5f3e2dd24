import type { EffectivePolicy } from "../effectivePolicy.js";
import { escapeMarkdown, markdownCodeSpan } from "./escapeMarkdown.js";
import { buildPolicyPage, type Block, type Inline, type PolicyPageSite } from "./policyPage.js";

/** MS-5.1: the public privacy policy page as Markdown, generated from the enforced policy. */
export function renderPolicyMarkdown(policy: EffectivePolicy, site: PolicyPageSite): string {
  const page = buildPolicyPage(policy, site);
  const parts = [`# ${escapeMarkdown(page.title)}`, ...page.introduction.map(renderBlock)];
  for (const section of page.sections) {
    parts.push(`## ${escapeMarkdown(section.heading)}`, ...section.blocks.map(renderBlock));
  }
  parts.push(`*${escapeMarkdown(page.lastRevision)}*`);
  return `${parts.join("\n\n")}\n`;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case "paragraph":
      return renderInline(block.content);
    case "list":
      return block.items.map((item) => `- ${renderInline(item.content)}`).join("\n");
    case "cookie-table":
      return [
        "| Cookie | Purpose | Lifetime | First-party |",
        "| --- | --- | --- | --- |",
        ...block.rows.map(
          // Stryker disable next-line StringLiteral: the policy schema requires every cookie to be first-party (MS-1.12), so "No" is never written.
          (row) => `| ${markdownCodeSpan(row.name)} | ${escapeMarkdown(row.purpose)} | ${escapeMarkdown(row.lifetime)} | ${row.firstParty ? "Yes" : "No"} |`,
        ),
      ].join("\n");
  }
}

function renderInline(content: readonly Inline[]): string {
  return content
    .map((inline) => {
      if (typeof inline === "string") return escapeMarkdown(inline);
      if ("code" in inline) return markdownCodeSpan(inline.code);
      return `[${escapeMarkdown(inline.link)}](<${inline.href.replace(/[<>\s]/g, encodeURIComponent)}>)`;
    })
    .join("");
}
