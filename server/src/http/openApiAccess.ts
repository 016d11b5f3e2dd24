import type { ProcedureKind, ProcedureMeta } from "../api/trpc.js";

export interface OperationAccess {
  kind: ProcedureKind;
  /** OpenAPI security requirements: alternatives, any one suffices. */
  security: Record<string, string[]>[];
  description: string;
}

/** The same rules `trpc.ts` enforces, as OpenAPI security requirements and a sentence. */
export function describeAccess(path: string, rawMeta: unknown): OperationAccess {
  const meta = rawMeta as ProcedureMeta | undefined;
  switch (meta?.kind) {
    case "public":
      return { kind: "public", security: [], description: "No authentication needed." };
    case "authed":
      return { kind: "authed", security: [{ session: [] }], description: "Signed-in users only; API keys cannot call this." };
    case "platform":
      return { kind: "platform", security: [{ session: [] }], description: "Platform staff only; every call is written to the audit log." };
    case "tenant": {
      const scopes = meta.access?.scopes ?? [];
      const roles = meta.access?.roles ?? [];
      // trpc.ts refuses everyone then, which OpenAPI cannot say; it is a mistake in the router.
      if (!roles.length) throw new Error(`tenant procedure ${path} has no access rule`);
      return {
        kind: "tenant",
        security: [...scopes.map((scope) => ({ apiKey: [scope] })), { session: [] }],
        description:
          `Members of the tenant with the role ${anyOf(roles)}; ` +
          (scopes.length ? `API keys of the tenant with the scope ${anyOf(scopes)}.` : "API keys cannot call this."),
      };
    }
    default:
      throw new Error(`procedure ${path} is not built on one of the base procedures of trpc.ts`);
  }
}

/** `a, b or c` */
function anyOf(names: readonly string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
}
