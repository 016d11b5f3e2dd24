import type { MousetrailClient } from "@mousetrail/client-sdk";
import { createContext, useContext, type ParentProps } from "solid-js";

const ApiContext = createContext<MousetrailClient>();

/** The typed API client every store uses; tests provide a fake one. */
export function ApiProvider(props: ParentProps<{ client: MousetrailClient }>) {
  return <ApiContext.Provider value={props.client}>{props.children}</ApiContext.Provider>;
}

export function useApi(): MousetrailClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error("useApi: called outside <ApiProvider>");
  return client;
}
