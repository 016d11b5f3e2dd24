import type { AppErrorCode } from "../../errors/appError.js";
import type { ResolvedSite, SiteDirectory } from "./siteDirectory.js";

export type SiteResolution = { kind: "ok"; value: ResolvedSite } | { kind: "refused"; refusal: { code: AppErrorCode; message: string; field?: string } };

/**
 * MS-2.1 for everything the recorder sends (recordings, survey answers): only registered sites,
 * and only from their allowed origins. A request without an Origin header did not come from a
 * page in a browser and is refused too.
 */
export async function resolveSiteForOrigin(directory: SiteDirectory, siteKey: string, origin: string | undefined): Promise<SiteResolution> {
  const resolved = await directory.lookup(siteKey);
  if (!resolved) return { kind: "refused", refusal: { code: "FORBIDDEN", message: "siteKey: no site has this key", field: "siteKey" } };
  if (!origin || !resolved.site.allowedOrigins.includes(origin)) {
    return { kind: "refused", refusal: { code: "FORBIDDEN", message: `origin ${origin ?? "(none)"} is not an allowed origin of this site` } };
  }
  return { kind: "ok", value: resolved };
}
