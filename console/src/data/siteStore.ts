import type { MousetrailClient, RouterInputs } from "@mousetrail/client-sdk";
import { createResource } from "solid-js";
import type { Site } from "./sitesStore.js";

type SiteChanges = Omit<RouterInputs["sites"]["update"], "tenantId" | "siteId">;

/** One site; each change shows what the server answered (the normalised origins, the new key). */
export function createSiteStore(api: MousetrailClient, tenantId: string, siteId: string) {
  const [site, { mutate }] = createResource(() => api.sites.get.query({ tenantId, siteId }));
  return {
    site,
    async update(changes: SiteChanges): Promise<Site> {
      return mutate(await api.sites.update.mutate({ tenantId, siteId, ...changes }));
    },
    async rotateKey(): Promise<Site> {
      return mutate(await api.sites.rotateKey.mutate({ tenantId, siteId }));
    },
    async remove(): Promise<void> {
      await api.sites.delete.mutate({ tenantId, siteId });
    },
  };
}

export type SiteStore = ReturnType<typeof createSiteStore>;
