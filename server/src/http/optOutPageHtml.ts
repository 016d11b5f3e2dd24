import { escapeHtml } from "@mousetrail/policies/render/escapeHtml";
import type { Inline } from "@mousetrail/policies/render/policyPage";
import { standalonePage, standalonePageStyle } from "./standalonePage.js";

/**
 * The hosted opt-out page (MS-4.1) as complete, self-contained HTML documents: inline styles
 * only, no script, no image, no external asset. Every value that comes from a tenant or a
 * visitor is escaped here, in one place, whatever the caller already checked.
 */

export interface OptOutPageSite {
  name: string;
  serviceName: string;
  /** The site's public privacy policy page, on this server. */
  policyPageUrl: string;
  /** What the software records on this site, as the policy page words it (MS-5.1). */
  recorded: readonly (readonly Inline[])[];
  /** The cookies the recorder sets on the site (MS-1.8 to MS-1.12), as the policy page lists them. */
  cookies: readonly { name: string; purpose: string; lifetime: string }[];
}

/** MS-1.11: the link that sets the opt-out cookie on the site itself, for one of its origins. */
export interface DisableLink {
  origin: string;
  href: string;
}

export interface OptOutCookieFacts {
  cookieName: string;
  /** `mousestats_disable=1` */
  queryParameter: string;
  lifetime: string;
}

const stylesheet = `
:root { color-scheme: light dark; --text: #1d2430; --muted: #4f5968; --rule: #d9dee7; --accent: #1f4fbf; --accent-text: #ffffff; --code: #eef1f6; --ok: #1d6b3a; }
@media (prefers-color-scheme: dark) { :root { --text: #e6e9ef; --muted: #b3bccb; --rule: #3a4252; --accent: #9bb8ff; --accent-text: #0d1526; --code: #262c38; --ok: #7fd69f; } }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); }
main { max-width: 40rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
ul { padding-left: 1.25rem; } li { margin: 0.4rem 0; }
a { color: var(--accent); }
code { font: 0.92em ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--code); padding: 0.1em 0.35em; border-radius: 4px; overflow-wrap: anywhere; }
.visitor-id { font-size: 1.05em; user-select: all; }
button, .button { display: inline-block; font: inherit; font-weight: 600; color: var(--accent-text); background: var(--accent); border: 0; border-radius: 6px; padding: 0.65rem 1.4rem; cursor: pointer; text-decoration: none; }
button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 3px; }
.status { border-left: 4px solid var(--ok); padding: 0.25rem 0 0.25rem 1rem; }
.note { color: var(--muted); font-size: 0.95rem; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; margin-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--rule); }
`;

const style = standalonePageStyle(stylesheet);

/** For the Content-Security-Policy: the one stylesheet the pages may apply, and nothing else. */
export const optOutPageContentSecurityPolicy = style.contentSecurityPolicy;

function page(title: string, body: string): string {
  return standalonePage(style, title, body);
}

function inline(content: readonly Inline[]): string {
  return content
    .map((part) => {
      if (typeof part === "string") return escapeHtml(part);
      if ("code" in part) return `<code>${escapeHtml(part.code)}</code>`;
      return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.link)}</a>`;
    })
    .join("");
}

function whatIsRecorded(site: OptOutPageSite): string {
  return `<h2>What ${escapeHtml(site.serviceName)} records on ${escapeHtml(site.name)}</h2>
<ul>
${site.recorded.map((item) => `<li>${inline(item)}</li>`).join("\n")}
</ul>
${
  site.cookies.length > 0
    ? `<table>
<caption>Cookies set on ${escapeHtml(site.name)}</caption>
<thead><tr><th scope="col">Cookie</th><th scope="col">Purpose</th><th scope="col">Lifetime</th></tr></thead>
<tbody>
${site.cookies.map((cookie) => `<tr><td><code>${escapeHtml(cookie.name)}</code></td><td>${escapeHtml(cookie.purpose)}</td><td>${escapeHtml(cookie.lifetime)}</td></tr>`).join("\n")}
</tbody>
</table>`
    : ""
}
<p>The full <a href="${escapeHtml(site.policyPageUrl)}">privacy policy for ${escapeHtml(site.name)}</a> says how this information is used and kept.</p>`;
}

function visitorIdParagraph(site: OptOutPageSite, visitorId: string): string {
  return `<p>Your visitor id on ${escapeHtml(site.name)} is <code class="visitor-id">${escapeHtml(visitorId)}</code>. It is a random string stored in a cookie of ${escapeHtml(site.name)} only, not linked to who you are. Quote it if you ask ${escapeHtml(site.name)} to erase what was recorded about you before you opted out.</p>`;
}

function disableLinksBlock(site: OptOutPageSite, links: readonly DisableLink[], cookie: OptOutCookieFacts): string {
  if (links.length === 0) return "";
  return `<p>You can also switch recording off in this browser: opening any page of ${escapeHtml(site.name)} with <code>?${escapeHtml(cookie.queryParameter)}</code> at the end of its address sets the <code>${escapeHtml(cookie.cookieName)}</code> cookie for ${escapeHtml(cookie.lifetime)}, and while it is present nothing is recorded.</p>
<ul>
${links.map((link) => `<li><a href="${escapeHtml(link.href)}">Switch recording off on ${escapeHtml(link.origin)}</a></li>`).join("\n")}
</ul>`;
}

/** GET with the visitor's id: what is recorded, and the button. */
export function renderOptOutForm(view: { site: OptOutPageSite; visitorId: string; returnUrl: string | null; action: string }): string {
  const { site } = view;
  return page(
    `Opt out of recording on ${site.name}`,
    `<h1>Opt out of recording on ${escapeHtml(site.name)}</h1>
<p>${escapeHtml(site.name)} uses ${escapeHtml(site.serviceName)} to record how visitors use its pages, and to make reports from those recordings. You can exclude yourself.</p>
<form method="post" action="${escapeHtml(view.action)}">
<input type="hidden" name="v" value="${escapeHtml(view.visitorId)}">
${view.returnUrl ? `<input type="hidden" name="return" value="${escapeHtml(view.returnUrl)}">` : ""}
<p><button type="submit">Opt out</button></p>
</form>
<p>Once you opt out, nothing more from your visits to ${escapeHtml(site.name)} in this browser is stored: every recording sent with your visitor id is dropped on arrival.</p>
${visitorIdParagraph(site, view.visitorId)}
${whatIsRecorded(site)}`,
  );
}

/** GET without a (valid) visitor id: how to opt out, and the links that switch recording off. */
export function renderOptOutHelp(view: { site: OptOutPageSite; invalidVisitorId: boolean; disableLinks: readonly DisableLink[]; cookie: OptOutCookieFacts }): string {
  const { site } = view;
  return page(
    `Opt out of recording on ${site.name}`,
    `<h1>Opt out of recording on ${escapeHtml(site.name)}</h1>
${view.invalidVisitorId ? `<p class="status" role="alert">The visitor id in this link is not one ${escapeHtml(site.serviceName)} issues, so it cannot be used to opt out.</p>` : ""}
<p>${escapeHtml(site.name)} uses ${escapeHtml(site.serviceName)} to record how visitors use its pages. To opt out, follow the opt-out link on ${escapeHtml(site.name)} itself: it brings you back here with your visitor id, and opting out then stops everything sent with that id from being stored.</p>
${disableLinksBlock(site, view.disableLinks, view.cookie)}
${whatIsRecorded(site)}`,
  );
}

/** After the POST: the confirmation, the id to quote, and the way back that sets the cookie. */
export function renderOptedOut(view: {
  site: OptOutPageSite;
  visitorId: string;
  alreadyOptedOut: boolean;
  returnLink: DisableLink | null;
  disableLinks: readonly DisableLink[];
  cookie: OptOutCookieFacts;
}): string {
  const { site } = view;
  const back = view.returnLink
    ? `<p><a class="button" href="${escapeHtml(view.returnLink.href)}">Return to ${escapeHtml(site.name)}</a></p>
<p class="note">The link back adds <code>?${escapeHtml(view.cookie.queryParameter)}</code> to the page you came from, which sets the <code>${escapeHtml(view.cookie.cookieName)}</code> cookie for ${escapeHtml(view.cookie.lifetime)}: the recorder then does not even start in this browser.</p>`
    : disableLinksBlock(site, view.disableLinks, view.cookie);
  return page(
    `You have opted out of recording on ${site.name}`,
    `<h1>You have opted out of recording on ${escapeHtml(site.name)}</h1>
<p class="status" role="status">${view.alreadyOptedOut ? "You had already opted out; nothing changed." : "Your opt-out is stored."} Nothing more from your visits to ${escapeHtml(site.name)} in this browser is stored.</p>
${back}
${visitorIdParagraph(site, view.visitorId)}
<p class="note">Opting out stops new recording; it does not erase what was recorded before. Deleting your cookies gives you a new visitor id, which is not opted out.</p>`,
  );
}

/** Refusals (unknown site, foreign form, too many requests, bad form): a short page saying what to do. */
export function renderOptOutProblem(view: { title: string; message: string }): string {
  return page(view.title, `<h1>${escapeHtml(view.title)}</h1>\n<p>${escapeHtml(view.message)}</p>`);
}
