import { createContext, useContext } from "solid-js";
import type { SiteStore } from "../../../data/siteStore.js";

export interface SiteSegment {
  siteId: string;
  store: SiteStore;
}

export const SiteContext = createContext<SiteSegment>();

export function useSite(): SiteSegment {
  const site = useContext(SiteContext);
  if (!site) throw new Error("useSite: called outside /t/:tenantId/sites/:siteId");
  return site;
}

/** The site's time zone (its reports count days there); UTC until the site is loaded. */
export function useSiteTimeZone(): () => string {
  const site = useSite();
  return () => site.store.site()?.timeZone ?? "UTC";
}
