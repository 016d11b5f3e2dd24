import { escapeHtml } from "@mousetrail/policies/render/escapeHtml";
import { standalonePage, standalonePageStyle } from "./standalonePage.js";
import { complaintCategories, type ComplaintCategory } from "../db/collections.js";
import { closedComplaintRetentionDays } from "../domain/complaints/complaintRetention.js";
import { complaintFormFields, complaintFormLimits, type ComplaintFormField } from "./complaintForm.schema.js";

/**
 * The public complaint form (MS-4.3) as self-contained HTML: no script, one inline style sheet
 * allowed by its hash in the Content-Security-Policy, every interpolated value escaped.
 */
const styles = `
*{box-sizing:border-box}
body{margin:0;font:1.125rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0b0c0c;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.375rem;margin:2rem 0 .5rem}
a{color:#1d70b8}
a:focus,input:focus,textarea:focus,button:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
.field{margin:0 0 1.5rem}
.field-error{border-left:5px solid #d4351c;padding-left:.75rem}
label,legend{display:block;font-weight:700;margin:0 0 .25rem}
fieldset{border:0;margin:0;padding:0}
.hint{color:#505a5f;margin:0 0 .25rem}
.error{color:#d4351c;font-weight:700;margin:0 0 .25rem}
input[type=text],input[type=email],textarea{width:100%;font:inherit;padding:.375rem;border:2px solid #0b0c0c;border-radius:0}
.field-error input,.field-error textarea{border-color:#d4351c}
.choice{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0}
.choice input{width:1.5rem;height:1.5rem;margin:.125rem 0 0;flex:none}
.choice label{font-weight:400}
button{font:inherit;font-weight:700;color:#fff;background:#00703c;border:0;border-bottom:2px solid #002d18;padding:.5rem 1rem;cursor:pointer}
.error-summary{border:5px solid #d4351c;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin-top:0}
.panel{background:#00703c;color:#fff;padding:1.5rem;text-align:center;margin:0 0 1.5rem}
.panel h1{margin:0 0 .5rem}
.reference{font-size:1.75rem;font-weight:700;letter-spacing:.05em}
`;

const style = standalonePageStyle(styles);

/** Strict: nothing loads, nothing runs, the form posts only to this server, no one may frame it. */
export const complaintPageCsp = style.contentSecurityPolicy;

const categoryLabels: Record<ComplaintCategory, string> = {
  "data-access": "I want to know what data about my visits was collected",
  erasure: "I want data about my visits deleted",
  "recording-concern": "I am concerned about how my visits were recorded",
  "opt-out": "I opted out but my visits were still recorded",
  other: "Something else",
};

export interface ComplaintPageSite {
  siteKey: string;
  siteName: string;
  serviceName: string;
}

export type ComplaintFormValues = Partial<Record<ComplaintFormField, string>>;
export type ComplaintFormErrors = Partial<Record<ComplaintFormField, string>>;

function page(title: string, body: string): string {
  return standalonePage(style, title, body);
}

export function renderComplaintForm(site: ComplaintPageSite, values: ComplaintFormValues = {}, errors: ComplaintFormErrors = {}): string {
  const siteName = escapeHtml(site.siteName);
  const serviceName = escapeHtml(site.serviceName);
  const failed = complaintFormFields.filter((field) => errors[field]);
  const summary = failed.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
<h2 id="error-summary-title">There is a problem</h2>
<ul>${failed.map((field) => `<li><a href="#${field === "category" ? "category-0" : field}">${escapeHtml(errors[field] ?? "")}</a></li>`).join("")}</ul>
</div>`
    : "";
  const fieldClass = (field: ComplaintFormField) => (errors[field] ? "field field-error" : "field");
  const errorLine = (field: ComplaintFormField) => (errors[field] ? `<p class="error" id="${field}-error"><span>Error:</span> ${escapeHtml(errors[field] ?? "")}</p>` : "");
  const describedBy = (field: ComplaintFormField, hint: boolean) => {
    const ids = [hint ? `${field}-hint` : "", errors[field] ? `${field}-error` : ""].filter(Boolean).join(" ");
    return `${ids ? ` aria-describedby="${ids}"` : ""}${errors[field] ? ' aria-invalid="true"' : ""}`;
  };
  const value = (field: ComplaintFormField) => escapeHtml(values[field] ?? "");
  const categories = complaintCategories
    .map(
      (category, index) => `<div class="choice">
<input type="radio" id="category-${index}" name="category" value="${category}"${values.category === category ? " checked" : ""}>
<label for="category-${index}">${escapeHtml(categoryLabels[category])}</label>
</div>`,
    )
    .join("\n");
  return page(
    `${failed.length ? "Error: " : ""}Make a privacy complaint – ${site.siteName}`,
    `<h1>Make a privacy complaint</h1>
<p>Use this form if you have a concern about how <strong>${siteName}</strong> records and analyses visits to its website with ${serviceName}. Your complaint goes to the people responsible for privacy at ${siteName}, who will contact you about it.</p>
${summary}
<form method="post" action="/complaints/${escapeHtml(site.siteKey)}" novalidate>
<div class="${fieldClass("name")}">
<label for="name">Your name</label>
${errorLine("name")}
<input type="text" id="name" name="name" autocomplete="name" maxlength="${complaintFormLimits.nameLength}" value="${value("name")}"${describedBy("name", false)}>
</div>
<div class="${fieldClass("email")}">
<label for="email">Your email address</label>
<p class="hint" id="email-hint">Used only to reply to your complaint.</p>
${errorLine("email")}
<input type="email" id="email" name="email" autocomplete="email" spellcheck="false" maxlength="${complaintFormLimits.emailLength}" value="${value("email")}"${describedBy("email", true)}>
</div>
<div class="${fieldClass("category")}">
<fieldset${describedBy("category", false)}>
<legend>What is your complaint about?</legend>
${errorLine("category")}
${categories}
</fieldset>
</div>
<div class="${fieldClass("message")}">
<label for="message">Your complaint</label>
<p class="hint" id="message-hint">Tell us what happened and what you would like done, in up to ${complaintFormLimits.messageLength} characters. Do not include payment card or bank details.</p>
${errorLine("message")}
<textarea id="message" name="message" rows="8" maxlength="${complaintFormLimits.messageLength}"${describedBy("message", true)}>${value("message")}</textarea>
</div>
<button type="submit">Send complaint</button>
</form>
${whatHappensNext(site)}
<p><a href="/privacy/${escapeHtml(site.siteKey)}">Privacy policy of ${siteName}</a></p>`,
  );
}

function whatHappensNext(site: ComplaintPageSite): string {
  return `<h2>What happens next</h2>
<p>Someone responsible for privacy at ${escapeHtml(site.siteName)} will contact you about your concerns. If your complaint cannot be resolved with you, they will cooperate with the appropriate regulatory authorities, including your local data protection authority, to resolve it.</p>
<p>Your name, email address and complaint are used only to handle your complaint. They are deleted ${closedComplaintRetentionDays} days after your complaint is closed.</p>`;
}

export function renderComplaintReceived(site: ComplaintPageSite, reference: string, email: string): string {
  return page(
    `Complaint received – ${site.siteName}`,
    `<div class="panel">
<h1>Complaint received</h1>
<p>Your reference number<br><span class="reference">${escapeHtml(reference)}</span></p>
</div>
<p>We have sent your complaint to ${escapeHtml(site.siteName)}. They will contact you at <strong>${escapeHtml(email)}</strong>.</p>
<p>Quote your reference number if you write to them about this complaint again.</p>
${whatHappensNext(site)}`,
  );
}

export function renderComplaintProblem(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>`);
}
