/**
 * Escapes plain text for CommonMark so a site name or selector cannot turn into emphasis, links,
 * raw HTML or table cells. Line breaks become spaces: the model's text is always one paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/[\\`*_[\]<>|#&]/g, (character) => `\\${character}`);
}

/** A code span holding `text` literally, fenced with more backticks than the text contains in a row. */
export function markdownCodeSpan(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const padding = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${padding}${text.replace(/\r?\n/g, " ")}${padding}${fence}`;
}
