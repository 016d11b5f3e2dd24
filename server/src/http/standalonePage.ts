import { createHash } from "node:crypto";
import { escapeHtml } from "@mousetrail/policies/render/escapeHtml";

/**
 * The visitor-facing pages we host for tenants' sites (opt-out, complaints): one self-contained
 * document, no script and no outside asset, whose single inline stylesheet is the only thing its
 * Content-Security-Policy lets it apply (allowed by hash).
 */
export interface StandalonePageStyle {
  stylesheet: string;
  contentSecurityPolicy: string;
}

export function standalonePageStyle(stylesheet: string): StandalonePageStyle {
  const hash = createHash("sha256").update(stylesheet).digest("base64");
  return {
    stylesheet,
    contentSecurityPolicy: `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
  };
}

/**
 * `body` is HTML the caller has already escaped; the title is escaped here. No referrer policy in
 * the markup: each page sends its own header, and the opt-out page needs `same-origin`, because
 * under `no-referrer` browsers send its form with `Origin: null`, which its origin check refuses.
 */
export function standalonePage(style: StandalonePageStyle, title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${style.stylesheet}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
