import type { RouterOutputs } from "@mousetrail/client-sdk";
import { createContext, createResource, useContext, type ParentProps, type Resource } from "solid-js";
import { useApi } from "../api/apiContext.js";

export type Me = RouterOutputs["auth"]["me"];

export interface Session {
  /** Who is signed in and the tenants they belong to; `user` is null when nobody is. */
  me: Resource<Me>;
  /** Reads `auth.me` again, after signing in or out, joining or creating a tenant. */
  refresh(): Promise<Me | undefined>;
}

const SessionContext = createContext<Session>();

export function SessionProvider(props: ParentProps) {
  const api = useApi();
  const [me, { refetch }] = createResource(() => api.auth.me.query());
  const session: Session = { me, refresh: async () => (await refetch()) ?? undefined };
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession: called outside <SessionProvider>");
  return session;
}
