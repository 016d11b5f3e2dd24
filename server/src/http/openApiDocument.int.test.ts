import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Router from "@koa/router";
import { initTRPC, type AnyTRPCRouter } from "@trpc/server";
import Koa from "koa";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "../api/router.js";
import { publicProcedure, router as trpcRouter, type ProcedureMeta } from "../api/trpc.js";
import { routerProcedures } from "../api/routerProcedures.js";
import { createLogger } from "../logging/logger.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { recordSessions } from "../testing/recordedSessions.js";
import { useTestServer } from "../testing/testServer.js";
import { downloadRoutes, mountDownloadRoutes } from "./downloadRoutes.js";
import { buildOpenApiDocument, openApiDocument } from "./openApiDocument.js";
import { operationSummaries } from "./operationSummaries.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const router: AnyTRPCRouter = appRouter;
const procedures = routerProcedures(router);

interface Operation {
  operationId: string;
  summary: string;
  description: string;
  parameters?: { name: string; in: string; required?: boolean; style?: string; content?: Record<string, { schema: unknown }> }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
  security: Record<string, string[]>[];
  tags: string[];
}

/** A path item: its operations by method, and the servers it overrides the document's with (the download routes). */
type PathItem = Record<string, Operation> & { servers?: { url: string }[] };

interface Document {
  openapi: string;
  info: { description: string };
  servers: { url: string }[];
  paths: Record<string, PathItem>;
  components: {
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
    responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    schemas: Record<string, { properties: Record<string, unknown>; required: string[] }>;
  };
}

/** Every operation with its path, method and the servers that apply to it. */
function operationsOf(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([key]) => key !== "servers")
      .map(([method, operation]) => ({ path, method, operation: operation as Operation, servers: item.servers ?? document.servers })),
  );
}

function operationById(document: Document, operationId: string) {
  const found = operationsOf(document).find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`the document has no operation ${operationId}`);
  return found;
}

/** A fetch request for one operation, built from nothing but what the document says. */
function requestFromDocument(document: Document, documentUrl: string, operationId: string, input: unknown, apiKey: string): [URL, RequestInit] {
  const { path, method, operation, servers } = operationById(document, operationId);
  const serverUrl = new URL(servers[0]!.url, documentUrl).href.replace(/\/$/, "");
  const url = new URL(`${serverUrl}${path}`);
  const headers: Record<string, string> = {};
  const init: RequestInit = { method: method.toUpperCase(), headers };
  for (const parameter of operation.parameters ?? []) {
    // A parameter described by `content` is that media type's serialization of the value.
    if (parameter.in === "query" && parameter.content?.["application/json"]) url.searchParams.set(parameter.name, JSON.stringify(input));
  }
  if (operation.requestBody?.content["application/json"]) {
    headers["content-type"] = "application/json";
    init.body = JSON.stringify(input);
  }
  const bearer = operation.security
    .flatMap((requirement) => Object.keys(requirement))
    .find((name) => document.components.securitySchemes[name]?.type === "http" && document.components.securitySchemes[name]?.scheme === "bearer");
  if (!bearer) throw new Error(`${operationId} cannot be called with an API key`);
  headers.authorization = `Bearer ${apiKey}`;
  return [url, init];
}

/** Checks an answer against the schema the document gives for that operation and status. */
function responseValidator(document: Document) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: "openapi.json", components: document.components }, "openapi.json");
  return (operationId: string, status: number, body: unknown, mediaType = "application/json") => {
    const { operation } = operationById(document, operationId);
    const declared = operation.responses[String(status)] ?? operation.responses.default!;
    const response = declared.$ref ? document.components.responses[declared.$ref.split("/").at(-1)!]! : declared;
    const media = response.content![mediaType] as { schema: unknown; "x-item-schema"?: unknown } | undefined;
    expect(media, `${operationId} ${status} answers ${mediaType}`).toBeDefined();
    const schema = JSON.parse(JSON.stringify(media!["x-item-schema"] ?? media!.schema).replaceAll('"#/components/', '"openapi.json#/components/')) as object;
    const validate = ajv.compile(schema);
    expect(validate(body), `${operationId} ${status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  };
}

describe("GET /openapi.json", () => {
  const server = useTestServer();
  let document: Document;
  let fixture: TenantFixture;
  let documentUrl: string;

  beforeAll(async () => {
    documentUrl = `${server.url}/openapi.json`;
    const response = await fetch(documentUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    document = (await response.json()) as Document;
    fixture = await createTenantFixture(server.server.database.db, "OpenAPI integrator");
  });

  it("validates under a strict OpenAPI 3.1 validator", async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
    for (const { operation } of operationsOf(document)) {
      for (const parameter of operation.parameters ?? []) expect(parameter.style, `${operation.operationId} ${parameter.name}`).toBeUndefined();
    }
  });

  it("lints clean under Redocly's recommended rules", async () => {
    // The product has no licence to name; every other recommended rule applies.
    const config = await createConfig({ extends: ["recommended"], rules: { "info-license": "off" } });
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: documentUrl, config });
    expect(problems.map((problem) => `${problem.severity} ${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`)).toEqual([]);
  });

  it("describes every procedure of the router, as tRPC serves it, with a written summary", () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(procedures.length).toBeGreaterThan(20);
    for (const [procedurePath, procedure] of procedures) {
      const method = procedure._def.type === "mutation" ? "post" : "get";
      const operation = document.paths[`/${procedurePath}`]?.[method];
      expect(operation, `${method.toUpperCase()} /${procedurePath}`).toBeDefined();
      expect(operation?.operationId).toBe(procedurePath);
      expect(operationSummaries[procedurePath], `add a summary for ${procedurePath} to http/operationSummaries.ts`).toBe(operation?.summary);
      expect(operation?.responses["200"]).toBeDefined();
      expect(Object.keys(operation?.responses ?? {}).some((status) => /^4\d\d$/.test(status)), procedurePath).toBe(true);
      const takesInput = (procedure._def as { inputs: unknown[] }).inputs.length > 0;
      if (takesInput && method === "get") expect(operation?.parameters?.map((parameter) => [parameter.name, parameter.in])).toEqual([["input", "query"]]);
      if (takesInput && method === "post") expect(operation?.requestBody?.content["application/json"]).toBeDefined();
    }
    expect(operationsOf(document)).toHaveLength(procedures.length + downloadRoutes.length);
  });

  it("describes inputs and outputs as the server validates them: date-times, integers, limits", () => {
    const auditList = document.paths["/audit.list"]!.get!;
    const input = JSON.stringify(auditList.parameters![0]!.content!["application/json"]!.schema);
    expect(input).toContain('"limit":{"default":50,"type":"integer","minimum":1,"maximum":200}');
    const output = JSON.stringify(auditList.responses["200"]!.content!["application/json"]!.schema);
    expect(output).toContain('"at":{"type":"string","format":"date-time"');
    expect(JSON.stringify(document)).not.toContain('"type":"number","enum"');
  });

  it("says who may call each operation: API keys by scope, signed-in users, or anyone", () => {
    for (const [procedurePath, procedure] of procedures) {
      const method = procedure._def.type === "mutation" ? "post" : "get";
      const security = document.paths[`/${procedurePath}`]![method]!.security;
      const meta = procedure._def.meta as ProcedureMeta;
      const keyScopes = security.flatMap((requirement) => requirement.apiKey ?? []);
      expect(keyScopes, procedurePath).toEqual(meta.kind === "tenant" ? [...(meta.access?.scopes ?? [])] : []);
      expect(security.some((requirement) => "session" in requirement), procedurePath).toBe(meta.kind !== "public");
    }
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie", name: "mt_session" });
  });

  it("says how to get a key, and points to no screen that may not exist", () => {
    const text = JSON.stringify(document);
    expect(document.info.description).toContain("POST /trpc/auth.signIn");
    expect(document.info.description).toContain("POST /trpc/apiKeys.create");
    expect(document.info.description).toContain("x-mousetrail-csrf: 1");
    expect(text).not.toMatch(/created in the console|\(Settings, API keys\)/);
    expect(text.match(/Settings → API keys/g)).toHaveLength(1);
    expect(document.info.description).toMatch(/When the console is installed, its Settings → API keys page/);
  });

  it("describes the error shape with appCode and the refused fields", () => {
    const errorSchema = JSON.stringify(document.components.responses.BadInput?.content["application/json"]?.schema);
    expect(errorSchema).toContain("#/components/schemas/Error");
    expect(document.components.schemas.ApiErrorData?.required).toEqual(expect.arrayContaining(["appCode", "httpStatus"]));
    expect(document.components.schemas.ApiErrorData?.properties).toHaveProperty("issues");
    expect(document.components.schemas.FieldIssue?.required).toEqual(["field", "message"]);
  });

  it("is enough to list sites, page the audit log and be refused, with plain fetch and an API key", async () => {
    const matchesDocument = responseValidator(document);
    const call = async (operationId: string, input: unknown) => {
      const [url, init] = requestFromDocument(document, documentUrl, operationId, input, fixture.apiKeySecret);
      const response = await fetch(url, init);
      const body = (await response.json()) as { result?: { data: Record<string, unknown> }; error?: { data: { appCode: string; issues?: { field: string; message: string }[] } } };
      matchesDocument(operationId, response.status, body);
      return { status: response.status, method: init.method, url, body };
    };

    // The check itself can fail: a site id that is a number is not what the document promises.
    expect(() => matchesDocument("sites.list", 200, { result: { data: [{ siteId: 1 }] } })).toThrow();

    const sites = await call("sites.list", { tenantId: fixture.tenantId });
    expect(sites.url.href).toBe(`${server.url}/trpc/sites.list?input=${encodeURIComponent(JSON.stringify({ tenantId: fixture.tenantId }))}`);
    expect(sites.status).toBe(200);
    expect((sites.body.result?.data as unknown as { siteId: string }[]).map((site) => site.siteId)).toEqual([fixture.site._id]);

    const firstPage = await call("audit.list", { tenantId: fixture.tenantId, limit: 2 });
    expect(firstPage.status).toBe(200);
    const nextCursor = firstPage.body.result?.data.nextCursor;
    expect(nextCursor).toEqual(expect.any(String));
    const secondPage = await call("audit.list", { tenantId: fixture.tenantId, limit: 2, cursor: nextCursor });
    expect(secondPage.status).toBe(200);

    const created = await call("sites.create", { tenantId: fixture.tenantId, name: "Docs shop", allowedOrigins: ["https://docs-shop.example"] });
    expect(created.method).toBe("POST");
    expect(created.status).toBe(200);

    const refused = await call("sites.create", { tenantId: fixture.tenantId, name: "x".repeat(101), allowedOrigins: ["https://ok.example"] });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.data.appCode).toBe("BAD_INPUT");
    expect(refused.body.error?.data.issues).toEqual([{ field: "name", message: "must be at most 100 characters" }]);

    const tooMany = await call("audit.list", { tenantId: fixture.tenantId, limit: 201 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.data.issues).toEqual([{ field: "limit", message: "must be at most 200" }]);
  });

  it("describes every download route the HTTP router mounts, at the server's root, with its media types and errors", () => {
    const mounted = new Router();
    mountDownloadRoutes(mounted, server.server.services);
    const mountedPaths = mounted.stack.map((layer) => `${layer.methods.filter((method) => method !== "HEAD").join(",")} ${layer.path}`);
    const documented = operationsOf(document).filter(({ operation }) => operation.tags.includes("downloads"));
    expect(documented.map(({ method, path }) => `${method.toUpperCase()} ${path}`).sort()).toEqual([...mountedPaths].sort());
    expect(mountedPaths).toEqual(expect.arrayContaining(["GET /exports/sessions", "GET /recordings/events"]));
    for (const { path, operation, servers } of documented) {
      expect(servers.map((entry) => entry.url), path).toEqual(["/"]);
      expect(operation.parameters?.map((parameter) => [parameter.name, parameter.in, parameter.required]), path).toEqual([["input", "query", true]]);
      expect(Object.keys(operation.responses).sort(), path).toEqual(["200", "400", "401", "403", "404", "default"]);
      expect(operation.summary, path).not.toBe("");
    }
    const mediaTypes = (path: string) => Object.keys(document.paths[path]!.get!.responses["200"]!.content!);
    expect(mediaTypes("/exports/sessions")).toEqual(["text/csv", "application/json"]);
    expect(mediaTypes("/exports/recording")).toEqual(["application/json"]);
    expect(mediaTypes("/recordings/events")).toEqual(["application/x-ndjson"]);
    const sessionsInput = JSON.stringify(document.paths["/exports/sessions"]!.get!.parameters![0]!.content!["application/json"]!.schema);
    expect(sessionsInput).toContain('"format":{"default":"csv","type":"string","enum":["csv","json"]}');
  });

  it("is enough to export sessions as JSON and CSV and be refused, with plain fetch and an API key", async () => {
    const at = new Date(Date.UTC(2026, 2, 1, 9));
    await recordSessions(server.server.database.db, fixture.tenantId, [
      { siteId: fixture.site._id, firstSeenAt: at, durationMs: 4_000, urls: ["https://shop.example/cart"], browser: "Firefox", rageClicks: 1 },
    ]);
    const matchesDocument = responseValidator(document);
    const call = async (input: unknown) => {
      const [url, init] = requestFromDocument(document, documentUrl, "exports.sessions", input, fixture.apiKeySecret);
      const response = await fetch(url, init);
      return { url, status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
    };

    const json = await call({ tenantId: fixture.tenantId, siteId: fixture.site._id, format: "json" });
    expect(json.url.href).toBe(`${server.url}/exports/sessions?input=${encodeURIComponent(JSON.stringify({ tenantId: fixture.tenantId, siteId: fixture.site._id, format: "json" }))}`);
    expect(json.status).toBe(200);
    expect(json.type).toMatch(/^application\/json/);
    const rows = JSON.parse(json.text) as { durationMs: number }[];
    expect(rows.map((row) => row.durationMs)).toContain(4_000);
    matchesDocument("exports.sessions", 200, rows);
    // The check itself can fail: a duration that is a string is not what the document promises.
    expect(() => matchesDocument("exports.sessions", 200, [{ ...rows[0], durationMs: "4000" }])).toThrow();

    const csv = await call({ tenantId: fixture.tenantId, siteId: fixture.site._id });
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.text.split("\r\n")[0]).toMatch(/^sessionId,siteId,/);

    const refused = await call({ tenantId: fixture.tenantId, format: "xml" });
    expect(refused.status).toBe(400);
    const error = JSON.parse(refused.text) as { error: { appCode: string; issues: { field: string }[] } };
    matchesDocument("exports.sessions", 400, error);
    expect(error.error.appCode).toBe("BAD_INPUT");
    expect(error.error.issues.map((issue) => issue.field)).toEqual(["format"]);
  });
});

describe("buildOpenApiDocument", () => {
  it("describes a subscription as a GET answered with server-sent events, validly", async () => {
    const streaming = trpcRouter({
      ticks: publicProcedure
        .input(z.strictObject({ from: z.int().min(0) }))
        .subscription(async function* () {
          yield { tick: 1 };
        }),
    });
    const built = buildOpenApiDocument(streaming);
    const operation = built.paths["/ticks"]?.get;
    expect(operation?.parameters).toHaveLength(1);
    expect(JSON.stringify(operation?.responses["200"])).toContain('"text/event-stream"');
    await expect(SwaggerParser.validate(structuredClone(built) as never)).resolves.toBeDefined();
  });
});

describe("openApiDocument middleware", () => {
  it("answers 503, and logs why, when a procedure cannot be described", async () => {
    const t = initTRPC.create();
    const unbased = t.router({ stray: t.procedure.query(() => "no base procedure") });
    const lines: string[] = [];
    const logger = createLogger({ level: "error", destination: { write: (line: string) => void lines.push(line) } });
    const app = new Koa();
    app.use(openApiDocument(unbased, logger));
    const http = createServer(app.callback());
    await new Promise<void>((resolve) => http.listen(0, resolve));
    try {
      const response = await fetch(`http://localhost:${(http.address() as AddressInfo).port}/openapi.json`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { data: { appCode: "UNAVAILABLE" } } });
      expect(lines.join("")).toContain("procedure stray is not built on one of the base procedures of trpc.ts");
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });
});

describe("scripts/generateOpenApi.mjs", () => {
  it("writes the document the server serves, from the compiled router", async () => {
    const run = promisify(execFile);
    await run(process.execPath, [path.join(repoRoot, "node_modules/typescript/bin/tsc"), "-b", "server"], { cwd: repoRoot });
    await run(process.execPath, ["scripts/generateOpenApi.mjs"], { cwd: repoRoot });
    const written = JSON.parse(await readFile(path.join(repoRoot, "server/dist/openapi.json"), "utf8")) as unknown;
    expect(written).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(appRouter))));
  }, 120_000);
});
