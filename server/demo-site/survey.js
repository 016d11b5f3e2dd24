// The demo shop's survey panel: it asks the questions of the site's active survey for this page,
// through the public survey routes (GET /surveys/active/:siteKey, POST /surveys/answers; wire format
// in server/src/domain/surveys/surveyWire.schema.ts). The recorder does not draw surveys (it stays
// within its size budget), so a site shows them with a panel like this one. Every text of the
// survey is set as text, never as HTML. Nothing is stored on the visitor's device.
document.addEventListener("DOMContentLoaded", () => {
  const recorder = document.querySelector("script[data-site-key]");
  if (!recorder) return;
  const siteKey = recorder.getAttribute("data-site-key");
  const server = new URL(recorder.getAttribute("src"), location.href).origin;
  fetch(`${server}/surveys/active/${encodeURIComponent(siteKey)}?path=${encodeURIComponent(location.pathname)}`)
    .then((response) => (response.ok ? response.json() : null))
    .then((active) => {
      // MS-4.2: where consent is required the shop has no consent banner to ask it, so no survey shows.
      if (!active || active.consentMode === "required" || active.surveys.length === 0) return;
      // The most specific survey for this page: the longest matching path prefix.
      const survey = [...active.surveys].sort((a, b) => b.display.pathPrefix.length - a.display.pathPrefix.length)[0];
      // Sampling: this page view is drawn on its own, nothing about earlier ones is kept.
      if (Math.random() * 100 >= survey.display.samplePercent) return;
      setTimeout(() => showSurvey(active, survey), survey.display.delaySeconds * 1000);
    })
    .catch(() => {
      // No survey is better than a broken page.
    });
});

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? "" : String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function showSurvey(active, survey) {
  const panel = element("aside", { class: "survey-panel", "aria-labelledby": "survey-title" });
  panel.append(element("h2", { id: "survey-title" }, survey.title));
  if (survey.intro) panel.append(element("p", { class: "hint" }, survey.intro));
  const form = element("form");
  const readers = survey.questions.map((question, index) => {
    const name = `mt-survey-${index}`;
    const label = question.label + (question.required ? " (required)" : "");
    if (question.type === "free-text") {
      const group = element("div", { class: "survey-question" });
      const box = element("textarea", { id: name, name, maxlength: question.maxLength, placeholder: question.placeholder, required: question.required });
      group.append(element("label", { for: name }, label), box);
      form.append(group);
      return () => (box.value.trim() === "" ? undefined : box.value.trim());
    }
    const group = element("fieldset", { class: "survey-question" });
    group.append(element("legend", {}, label));
    form.append(group);
    const choices =
      question.type === "rating"
        ? Array.from({ length: question.scale.max - question.scale.min + 1 }, (_, at) => String(question.scale.min + at))
        : question.options;
    const inputType = question.type === "multiple-choice" ? "checkbox" : "radio";
    const list = element("div", { class: question.type === "rating" ? "survey-scale" : "survey-options" });
    if (question.type === "rating" && question.lowLabel) list.append(element("span", { class: "hint" }, question.lowLabel));
    choices.forEach((choice, at) => {
      const id = `${name}-${at}`;
      const option = element("span", { class: "survey-choice" });
      option.append(element("input", { type: inputType, id, name, value: choice, required: question.required && inputType === "radio" }), element("label", { for: id }, choice));
      list.append(option);
    });
    if (question.type === "rating" && question.highLabel) list.append(element("span", { class: "hint" }, question.highLabel));
    group.append(list);
    return () => {
      const picked = [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
      if (picked.length === 0) return undefined;
      if (question.type === "multiple-choice") return picked;
      return question.type === "rating" ? Number(picked[0]) : picked[0];
    };
  });
  const status = element("p", { class: "survey-status", role: "status" });
  const actions = element("div", { class: "survey-actions" });
  const dismiss = element("button", { type: "button", class: "secondary" }, "Not now");
  actions.append(element("button", { type: "submit" }, "Send answers"), dismiss);
  form.append(status, actions);
  panel.append(form);
  document.body.append(panel);
  dismiss.addEventListener("click", () => panel.remove());

  // Random per submission, so a retried one is stored once (16-64 characters of base64url).
  const responseId = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18)))).replace(/\+/g, "-").replace(/\//g, "_");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const answers = survey.questions.flatMap((question, index) => {
      const value = readers[index]();
      return value === undefined ? [] : [{ questionId: question.questionId, value }];
    });
    const missing = survey.questions.find((question, index) => question.required && readers[index]() === undefined);
    if (missing || answers.length === 0) {
      status.textContent = missing ? `Please answer “${missing.label}”.` : "Please answer at least one question.";
      return;
    }
    status.textContent = "Sending…";
    // The recorder's visitor id, when it set one: the answers then belong to the visitor's data (access, erasure).
    const visitorId = active.visitorCookie ? readCookie(active.visitorCookie) : null;
    const payload = { v: 1, siteKey: active.siteKey, surveyId: survey.surveyId, responseId, ...(visitorId ? { visitorId } : {}), consent: "not-required", answers };
    // text/plain: no preflight, as the recorder sends its batches.
    fetch(active.answersUrl, { method: "POST", headers: { "Content-Type": "text/plain" }, body: JSON.stringify(payload) })
      .then(async (response) => {
        if (response.status === 204 || response.ok) {
          form.replaceWith(element("p", { role: "status" }, "Thank you for your answers."));
          return;
        }
        const body = await response.json().catch(() => null);
        status.textContent = body?.error?.message ? `Not sent: ${body.error.message}` : "Not sent: please try again.";
      })
      .catch(() => {
        status.textContent = "Not sent: please try again.";
      });
  });
}

function readCookie(name) {
  for (const pair of document.cookie.split(";")) {
    const separator = pair.indexOf("=");
    if (separator !== -1 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}
