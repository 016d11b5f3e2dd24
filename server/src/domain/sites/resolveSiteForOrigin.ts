import type { AppErrorCode } from "../../errors/appError.js";
import type { ResolvedSite, SiteDirectory } from "./siteDirectory.js";

export type SiteResolution = { kind: "ok"; value: ResolvedSite } | { kind: "refused"; refusal: { code: AppErrorCode; message: string; field?: string } };

/**
 * MS-2.1 for everything the recorder sends (recordings, survey answers): only registered sites,
 * and only from their allowed origins. A request without an Origin header did not come from a
 * page in a browser and is refused too. MS-1.7: while a purge of the site or its tenant is in
 * progress, what it sends is refused with its own code instead of being stored behind the purge.
 */
export async function resolveSiteForOrigin(directory: SiteDirectory, siteKey: string, origin: string | undefined): Promise<SiteResolution> {
  const resolved = await directory.lookup(siteKey);
  if (!resolved) return { kind: "refused", refusal: { code: "FORBIDDEN", message: "siteKey: no site has this key", field: "siteKey" } };
  if (!origin || !resolved.site.allowedOrigins.includes(origin)) {
    return { kind: "refused", refusal: { code: "FORBIDDEN", message: `origin ${origin ?? "(none)"} is not an allowed origin of this site` } };
  }
  if (resolved.purgeInProgress) {
    return {
      kind: "refused",
      refusal: { code: "PURGE_IN_PROGRESS", message: `siteKey: this site's analytics are being purged (${resolved.purgeInProgress}); nothing is stored until the purge is done` },
    };
  }
  return { kind: "ok", value: resolved };
}
