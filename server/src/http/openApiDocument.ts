import { readFileSync } from "node:fs";
import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";
import type { Middleware } from "koa";
import { appErrorCodes } from "../errors/appError.js";
import type { Logger } from "../logging/logger.js";
import { routerProcedures } from "../api/routerProcedures.js";
import { downloadRoutes, type DownloadRoute } from "./downloadRoutes.js";
import { describeAccess } from "./openApiAccess.js";
import { downloadErrorResponses, downloadErrorSchemas, downloadPathItems, downloadsTag, type OpenApiDownloadPathItem } from "./openApiDownloads.js";
import { jsonSchemaOf } from "./openApiSchema.js";
import { operationSummaries } from "./operationSummaries.js";

/** The parts of an OpenAPI 3.1 document this module writes. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation> | OpenApiDownloadPathItem>;
  components: Record<string, Record<string, unknown>>;
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const serverVersion = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

/**
 * `GET /openapi.json`: the OpenAPI 3.1 document of the tRPC endpoints, for integrators who
 * call the API over plain HTTP. Built from the running router: each operation's input and
 * output are the JSON Schema of the zod schemas the server validates with (formats, integers,
 * limits and patterns included), and who may call it comes from the procedure's meta. So the
 * document cannot drift from the server it describes.
 */
export function openApiDocument(router: AnyTRPCRouter, logger: Logger): Middleware {
  let body: string | undefined;
  return async (ctx) => {
    if (body === undefined) {
      try {
        body = JSON.stringify(buildOpenApiDocument(router));
      } catch (error) {
        logger.error({ err: error }, "cannot build the OpenAPI document");
        ctx.status = 503;
        ctx.body = { error: { message: "The API description is not available", data: { appCode: "UNAVAILABLE", httpStatus: 503 } } };
        return;
      }
    }
    ctx.type = "application/json";
    ctx.set("Cache-Control", "no-cache");
    ctx.body = body;
  };
}

const info = {
  title: "Mousetrail API",
  version: serverVersion,
  description: [
    "The Mousetrail API as tRPC serves it over HTTP, under the server's `/trpc` path.",
    "",
    "**Calling it.** A query is `GET /trpc/<operation>?input=<JSON>`: the input as JSON, URL-encoded, in the `input` query parameter (left out when the operation takes none).",
    "A mutation is `POST /trpc/<operation>` with the input as a JSON body. A successful answer is `{ \"result\": { \"data\": ... } }`.",
    "An error answer carries its HTTP status and `{ \"error\": { \"message\", \"code\", \"data\": { \"appCode\", \"httpStatus\", \"issues\": [{ \"field\", \"message\" }] } } }`:",
    "`appCode` says what went wrong, and `issues` names each refused input field (`name`, `allowedOrigins.1`) with the problem (`must be at most 100 characters`).",
    "Lists that can be long take `limit` and `cursor` and answer `nextCursor`: pass it back as `cursor` for the next page; `null` means the last page.",
    "",
    "**Getting an API key.** Sign in with `POST /trpc/auth.signIn` and the body `{ \"email\", \"password\" }`; the answer sets the `mt_session` cookie.",
    "Your tenants and their ids are in `GET /trpc/auth.me`. As an owner or admin, call `POST /trpc/apiKeys.create` with that cookie, the header `x-mousetrail-csrf: 1`",
    "and the body `{ \"tenantId\", \"name\", \"scopes\": [\"reports:read\"] }`. The answer's `secret` is the key; it is shown only this once.",
    "Send it as `Authorization: Bearer <secret>`. When the console is installed, its Settings → API keys page does the same.",
    "",
    "**Files.** Exports, a visitor's data and a recording for a player are plain `GET` routes at the server's root, not under `/trpc` (the `downloads` operations):",
    "the same `input` parameter and the same keys, answered with the file itself, streamed; their errors are `{ \"error\": { \"message\", \"appCode\", \"issues\" } }`.",
    "",
    "TypeScript integrators can use the typed client `@mousetrail/client-sdk` instead.",
  ].join("\n"),
};

const tagDescriptions: Record<string, string> = {
  auth: "Accounts, sign-in, and who is calling",
  tenants: "Tenants: the organisations that own sites",
  members: "People with access to a tenant, and their roles",
  sites: "The websites a tenant records",
  apiKeys: "API keys for integrations",
  audit: "The append-only audit log (MS-3.3)",
  compliance: "Opt-outs, erasure, purges and PII violations",
  platform: "Platform staff: terms-of-service enforcement and policy publication",
  surveys: "On-site surveys and their answers",
  complaints: "Visitor complaints and their handling (MS-4.3)",
  privacy: "The privacy policy a site enforces and its settings",
  sessions: "Recorded sessions",
  reports: "Reports from the rollups: overview, heatmaps, scroll maps, rage and dead clicks",
};

/**
 * The whole document, from the router and the download routes the HTTP router mounts. Throws when
 * a procedure cannot be described.
 */
export function buildOpenApiDocument(router: AnyTRPCRouter, downloads: readonly DownloadRoute[] = downloadRoutes): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  const tagNames = new Set<string>();
  for (const [path, procedure] of routerProcedures(router)) {
    const tag = path.split(".")[0] ?? path;
    tagNames.add(tag);
    const method = procedure._def.type === "mutation" ? "post" : "get";
    paths[`/${path}`] = { [method]: operationOf(path, tag, procedure) };
  }
  return {
    openapi: "3.1.1",
    info,
    // Relative to where the document is served (OpenAPI 3.1 allows it), so it is right behind
    // any host name or proxy without trusting the request's Host header.
    servers: [{ url: "/trpc", description: "This Mousetrail server" }],
    tags: [...[...tagNames].map((name) => ({ name, description: tagDescriptions[name] ?? `The ${name} procedures` })), ...(downloads.length ? [downloadsTag] : [])],
    paths: { ...paths, ...downloadPathItems(downloads) },
    components: {
      schemas: { ...errorSchemas, ...downloadErrorSchemas },
      responses: { ...errorResponses, ...downloadErrorResponses },
      securitySchemes,
    },
  };
}

function operationOf(path: string, tag: string, procedure: AnyTRPCProcedure): OpenApiOperation {
  const def = procedure._def as unknown as { type: "query" | "mutation" | "subscription"; inputs: unknown[]; output?: unknown; meta?: unknown };
  const access = describeAccess(path, def.meta);
  const input = def.inputs.length ? jsonSchemaOf(def.inputs.length === 1 ? def.inputs[0] : def.inputs, "input", `${path} input`) : undefined;
  const output = def.output === undefined ? {} : jsonSchemaOf(def.output, "output", `${path} output`);
  const inputRequired = input !== undefined && !acceptsUndefined(def.inputs);
  const operation: OpenApiOperation = {
    operationId: path,
    summary: operationSummaries[path] ?? path.split(".").join(" "),
    description: access.description,
    tags: [tag],
    security: access.security,
    responses: {
      "200": def.type === "subscription" ? eventStreamResponse(output) : dataResponse(output),
      ...errorResponsesFor({ takesInput: input !== undefined, mutation: def.type === "mutation", kind: access.kind }),
      default: { $ref: "#/components/responses/Error" },
    },
  };
  if (input && def.type === "mutation") {
    operation.requestBody = { required: inputRequired, content: { "application/json": { schema: input } } };
  } else if (input) {
    // `content`, not `style`: the parameter is the input serialized as one JSON text.
    operation.parameters = [
      { name: "input", in: "query", required: inputRequired, description: "The input as JSON, URL-encoded", content: { "application/json": { schema: input } } },
    ];
  }
  return operation;
}

/** Whether tRPC accepts the call without any input (every input parser takes `undefined`). */
function acceptsUndefined(inputs: unknown[]): boolean {
  return inputs.every((parser) => (parser as { safeParse?: (value: unknown) => { success: boolean } }).safeParse?.(undefined).success === true);
}

function dataResponse(data: unknown) {
  return {
    description: "The procedure's answer, in `result.data`",
    content: {
      "application/json": {
        schema: { type: "object", properties: { result: { type: "object", properties: { data }, required: ["data"] } }, required: ["result"] },
      },
    },
  };
}

/** A subscription, as tRPC serves it over GET: server-sent events. OpenAPI 3.1 has no item schema, hence the extension. */
function eventStreamResponse(item: unknown) {
  return {
    description: "Server-sent events; each `data:` line holds one item as JSON (its schema is `x-item-schema`)",
    content: { "text/event-stream": { schema: { type: "string" }, "x-item-schema": item } },
  };
}

/** The 4xx answers an operation can give, from what its base procedure checks. */
function errorResponsesFor({ takesInput, mutation, kind }: { takesInput: boolean; mutation: boolean; kind: string }) {
  const ref = (name: string) => ({ $ref: `#/components/responses/${name}` });
  return {
    // tRPC answers 400 to a malformed request even when the procedure takes no input.
    "400": ref(takesInput ? "BadInput" : "BadRequest"),
    ...(kind === "public" ? {} : { "401": ref("Unauthenticated") }),
    // Mutations authenticated by the session cookie without the CSRF header are refused, whoever may call them.
    ...(kind === "public" && !mutation ? {} : { "403": ref("Forbidden") }),
    ...(kind === "tenant" || kind === "platform" ? { "404": ref("NotFound") } : {}),
  };
}

const errorSchemas = {
  FieldIssue: {
    type: "object",
    properties: {
      field: { type: "string", description: "Dotted path of the refused input field (`allowedOrigins.1`); empty for the input as a whole" },
      message: { type: "string", description: "The problem, without the field's name: `must be at most 100 characters`" },
    },
    required: ["field", "message"],
  },
  ApiErrorData: {
    type: "object",
    properties: {
      code: { type: "string", description: "tRPC's error code (`BAD_REQUEST`, `NOT_FOUND`, ...)" },
      httpStatus: { type: "integer" },
      path: { type: "string", description: "The operation that failed" },
      appCode: { type: "string", enum: [...appErrorCodes], description: "What went wrong, the same for every transport" },
      issues: { type: "array", items: { $ref: "#/components/schemas/FieldIssue" }, description: "One entry per refused input field" },
      retryAfterSeconds: { type: "integer", minimum: 1, description: "With `RATE_LIMITED` and `UNAVAILABLE`: when to try again" },
    },
    required: ["code", "httpStatus", "appCode"],
  },
  Error: {
    type: "object",
    properties: {
      error: {
        type: "object",
        properties: { message: { type: "string" }, code: { type: "integer", description: "JSON-RPC error code" }, data: { $ref: "#/components/schemas/ApiErrorData" } },
        required: ["message", "code", "data"],
      },
    },
    required: ["error"],
  },
};

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
}

const errorResponses = {
  BadInput: errorResponse("The input was refused (`appCode` `BAD_INPUT`): `data.issues` names each field and its problem"),
  BadRequest: errorResponse("The request was malformed (`appCode` `BAD_INPUT`)"),
  Unauthenticated: errorResponse("No session or API key, or an unknown or revoked key (`appCode` `UNAUTHENTICATED`)"),
  Forbidden: errorResponse(
    "The caller's role or key scopes do not allow this, or a cookie-authenticated mutation lacked `x-mousetrail-csrf: 1` (`appCode` `FORBIDDEN`)",
  ),
  NotFound: errorResponse("The tenant or object does not exist, or belongs to another tenant (`appCode` `NOT_FOUND`)"),
  Error: errorResponse("Any other error: conflict, rate limit, unavailable, internal (see `appCode`)"),
};

const securitySchemes = {
  apiKey: {
    type: "http",
    scheme: "bearer",
    description:
      "An API key, sent as `Authorization: Bearer <key>` (see the introduction for how to create one). " +
      "A key acts on its own tenant only, through its scopes; an operation lists the scopes that grant it.",
  },
  session: {
    type: "apiKey",
    in: "cookie",
    name: "mt_session",
    description: "The sign-in cookie set by `auth.signIn`. Mutations authenticated by this cookie must also send `x-mousetrail-csrf: 1`.",
  },
};
