import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";

/**
 * Every procedure of a router by its dotted path (`sites.get`), read from tRPC's flattened
 * record: what the isolation, bad-input and OpenAPI checks enumerate, so none can be missed.
 */
export function routerProcedures(router: AnyTRPCRouter): [string, AnyTRPCProcedure][] {
  return Object.entries(router._def.procedures as unknown as Record<string, AnyTRPCProcedure>);
}
