import { ok, reject, type StepResult } from "./pipeline/stepResult.js";
import type { ResolvedSite, SiteDirectory } from "./siteDirectory.js";

/**
 * MS-2.1 for everything the recorder sends (recordings, survey answers): only registered sites,
 * and only from their allowed origins. A request without an Origin header did not come from a
 * page in a browser and is refused too.
 */
export async function resolveSiteForOrigin(directory: SiteDirectory, siteKey: string, origin: string | undefined): Promise<StepResult<ResolvedSite>> {
  const resolved = await directory.lookup(siteKey);
  if (!resolved) return reject({ status: 403, message: "siteKey: no site has this key", field: "siteKey" });
  if (!origin || !resolved.site.allowedOrigins.includes(origin)) {
    return reject({ status: 403, message: `origin ${origin ?? "(none)"} is not an allowed origin of this site` });
  }
  return ok(resolved);
}
