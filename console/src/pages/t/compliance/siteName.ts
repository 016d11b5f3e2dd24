import type { Site } from "../../../data/sitesStore.js";

/** A site's name for a table cell; its id when it was deleted since. */
export function siteName(sites: readonly Site[], siteId: string | null): string {
  if (siteId === null) return "every site";
  return sites.find((site) => site.siteId === siteId)?.name ?? siteId;
}
