import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";
import type { Middleware } from "koa";
import type { ProcedureMeta } from "../api/trpc.js";
import type { Logger } from "../logging/logger.js";
import { routerProcedures } from "../api/routerProcedures.js";

/**
 * Where `npm run build` writes the document (`scripts/generateOpenApi.mjs`): the same file
 * whether this module runs from `src/http/` (tests) or `dist/http/` (`npm start`).
 */
export const generatedOpenApiFile = fileURLToPath(new URL("../../dist/openapi.json", import.meta.url));

/** The parts of an OpenAPI 3.1 document this middleware reads or adds. */
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: Record<string, unknown>;
  [key: string]: unknown;
}

interface OpenApiOperation {
  description?: string;
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

const securitySchemes = {
  apiKey: {
    type: "http",
    scheme: "bearer",
    description:
      "An API key created in the console (Settings, API keys), sent as `Authorization: Bearer <key>`. " +
      "A key acts on its own tenant only, through its scopes; an operation lists the scopes that grant it.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "mt_session",
    description:
      "The console's sign-in cookie, set by `auth.signIn`. Mutations authenticated by this cookie must also send " +
      "`x-mousetrail-csrf: 1`.",
  },
};

/**
 * `GET /openapi.json`: the OpenAPI document of the tRPC endpoints, for integrators who call
 * the API over plain HTTP. The shapes come from `@trpc/openapi`'s analysis of the router's
 * types at build time; who may call each operation comes from the running router's meta.
 * A document that no longer lists exactly the running router's procedures is refused (503)
 * rather than served wrong.
 */
export function openApiDocument(router: AnyTRPCRouter, logger: Logger, file = generatedOpenApiFile): Middleware {
  let body: string | undefined;
  return async (ctx) => {
    if (body === undefined) {
      try {
        body = JSON.stringify(describeAccess(await readDocument(file, router), router));
      } catch (error) {
        logger.error({ err: error }, "cannot serve the OpenAPI document");
        ctx.status = 503;
        ctx.body = { error: { message: "The API description is not available; the server needs `npm run build`", data: { appCode: "UNAVAILABLE", httpStatus: 503 } } };
        return;
      }
    }
    ctx.type = "application/json";
    ctx.set("Cache-Control", "no-cache");
    ctx.body = body;
  };
}

async function readDocument(file: string, router: AnyTRPCRouter): Promise<OpenApiDocument> {
  const document = JSON.parse(await readFile(file, "utf8")) as OpenApiDocument;
  const problems = differencesFromRouter(document, router);
  if (problems.length) {
    throw new Error(`${file} was generated from another version of the router: ${problems.join("; ")}`);
  }
  return document;
}

/** tRPC serves queries as GET and mutations as POST; subscriptions are not plain HTTP. */
const methodOf = { query: "get", mutation: "post" } as const;

function proceduresOf(router: AnyTRPCRouter): [string, AnyTRPCProcedure][] {
  return routerProcedures(router).filter(([, procedure]) => procedure._def.type !== "subscription");
}

function differencesFromRouter(document: OpenApiDocument, router: AnyTRPCRouter): string[] {
  const expected = new Set(proceduresOf(router).map(([path, procedure]) => `${methodOf[procedure._def.type as keyof typeof methodOf]} /${path}`));
  const documented = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`)));
  return [
    ...[...expected].filter((operation) => !documented.has(operation)).map((operation) => `missing ${operation}`),
    ...[...documented].filter((operation) => !expected.has(operation)).map((operation) => `no such procedure ${operation}`),
  ];
}

function describeAccess(document: OpenApiDocument, router: AnyTRPCRouter): OpenApiDocument {
  for (const [path, procedure] of proceduresOf(router)) {
    const operation = document.paths[`/${path}`]?.[methodOf[procedure._def.type as keyof typeof methodOf]];
    if (!operation) continue;
    const access = accessOf(path, procedure._def.meta as ProcedureMeta | undefined);
    operation.security = access.security;
    operation.description = operation.description ? `${operation.description}\n\n${access.description}` : access.description;
  }
  return { ...document, components: { ...document.components, securitySchemes } };
}

/** The same rules `trpc.ts` enforces, as OpenAPI security requirements (alternatives, any one suffices). */
function accessOf(path: string, meta: ProcedureMeta | undefined): { security: Record<string, string[]>[]; description: string } {
  switch (meta?.kind) {
    case "public":
      return { security: [], description: "No authentication needed." };
    case "authed":
      return { security: [{ session: [] }], description: "Signed-in console users only; API keys cannot call this." };
    case "platform":
      return { security: [{ session: [] }], description: "Platform staff only; every call is written to the audit log." };
    case "tenant": {
      const scopes = meta.access?.scopes ?? [];
      const roles = meta.access?.roles ?? [];
      // trpc.ts refuses everyone then, which OpenAPI cannot say; it is a mistake in the router.
      if (!roles.length) throw new Error(`tenant procedure ${path} has no access rule`);
      return {
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
