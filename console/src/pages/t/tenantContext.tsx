import type { RouterOutputs } from "@mousetrail/client-sdk";
import { createContext, useContext } from "solid-js";

export type Role = RouterOutputs["auth"]["me"]["tenants"][number]["role"];

export interface TenantSegment {
  /** From the URL (`/t/:tenantId`), so links are shareable and a reload keeps place. */
  tenantId: string;
  name: string;
  role: Role;
}

export const TenantContext = createContext<TenantSegment>();

export function useTenant(): TenantSegment {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error("useTenant: called outside /t/:tenantId");
  return tenant;
}
