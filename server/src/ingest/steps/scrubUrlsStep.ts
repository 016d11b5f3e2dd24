import { scrubUrl } from "@mousetrail/policies/enforce/scrubUrl";
import type { MaskedBatch, ScrubbedBatch } from "../batchStages.js";
import { step } from "../../pipeline/pipeline.js";
import { ok, reject } from "../../pipeline/stepResult.js";
import { urlKeyOf } from "../../domain/sites/urlKey.js";

/**
 * MS-1.3: the page URL and referrer are kept without query strings and PII (URLs inside the
 * events were scrubbed by the masking step). A page URL that is not an http(s) URL is refused:
 * it cannot be a page of the site.
 */
export const scrubUrlsStep = step<MaskedBatch, ScrubbedBatch>("scrubUrls", (batch) => {
  const sent = batch.payload.page;
  if (!sent) return ok({ ...batch, page: null, urlKey: "" });
  const url = scrubUrl(sent.url, batch.policy);
  if (!url) return reject({ code: "BAD_INPUT", message: "page.url: must be an http(s) URL", field: "page.url" });
  const referrer = sent.referrer && batch.policy.pages.recordReferrers ? scrubUrl(sent.referrer, batch.policy) : null;
  const urlKey = urlKeyOf(url);
  return ok({
    ...batch,
    urlKey,
    page: { url, urlKey, referrer, startedAt: new Date(sent.startedAt), loadTimeMs: sent.loadTimeMs ?? null },
  });
});
