import type { MousetrailClient, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource } from "solid-js";

export type Site = RouterOutputs["sites"]["list"][number];

/** The sites of one tenant, and adding one. */
export function createSitesStore(api: MousetrailClient, tenantId: string) {
  const [sites, { mutate, refetch }] = createResource(() => api.sites.list.query({ tenantId }));
  return {
    sites,
    refetch,
    async create(input: { name: string; allowedOrigins: string[] }): Promise<Site> {
      const site = await api.sites.create.mutate({ tenantId, ...input });
      mutate((list) => [...(list ?? []), site]);
      return site;
    },
  };
}

export type SitesStore = ReturnType<typeof createSitesStore>;

/** One origin a line: what people paste from their browser's address bar. */
export function parseOrigins(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The install snippet: the recorder script of this server with the site's public key. */
export function installSnippet(serverOrigin: string, siteKey: string): string {
  return `<script async src="${serverOrigin}/recorder.js" data-site-key="${siteKey}"></script>`;
}
