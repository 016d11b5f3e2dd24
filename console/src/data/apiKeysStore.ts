import type { MousetrailClient, RouterInputs, RouterOutputs } from "@mousetrail/client-sdk";
import { createResource } from "solid-js";

export type ApiKey = RouterOutputs["apiKeys"]["list"][number];
export type ApiKeyScope = RouterInputs["apiKeys"]["create"]["scopes"][number];
export const apiKeyScopes: { scope: ApiKeyScope; description: string }[] = [
  { scope: "reports:read", description: "Read sessions, reports and sites" },
  { scope: "config:write", description: "Change sites, their privacy settings and surveys" },
  { scope: "compliance:write", description: "Opt-out audits, erasure, purges, complaints, audit log" },
];

/** The API keys of one tenant; a new key's secret is returned once and never stored here. */
export function createApiKeysStore(api: MousetrailClient, tenantId: string) {
  const [keys, { mutate }] = createResource(() => api.apiKeys.list.query({ tenantId }));
  return {
    keys,
    async create(name: string, scopes: ApiKeyScope[]): Promise<string> {
      const { apiKey, secret } = await api.apiKeys.create.mutate({ tenantId, name, scopes });
      mutate((list) => [apiKey, ...(list ?? [])]);
      return secret;
    },
    async revoke(keyId: string): Promise<void> {
      const revoked = await api.apiKeys.revoke.mutate({ tenantId, keyId });
      mutate((list) => list?.map((key) => (key.keyId === keyId ? revoked : key)));
    },
  };
}
