import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { AnyTRPCRouter } from "@trpc/server";
import Koa from "koa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../api/router.js";
import type { ProcedureMeta } from "../api/trpc.js";
import { createLogger } from "../logging/logger.js";
import { createTenantFixture } from "../testing/apiHarness.js";
import { useTestServer } from "../testing/testServer.js";
import { generatedOpenApiFile, openApiDocument } from "./openApiDocument.js";
import { routerProcedures } from "../api/routerProcedures.js";

const repoRoot = path.resolve(import.meta.dirname, "../../..");
const router: AnyTRPCRouter = appRouter;
const procedures = routerProcedures(router);

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; content?: Record<string, unknown> }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
  security: Record<string, string[]>[];
}

interface Document {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, { type: string; scheme?: string; in?: string; name?: string }>;
    responses: Record<string, { content: Record<string, { schema: unknown }> }>;
    schemas: Record<string, { properties: Record<string, unknown>; required: string[] }>;
  };
}

/** A fetch request for one operation, built from nothing but what the document says. */
function requestFromDocument(document: Document, documentUrl: string, operationId: string, input: unknown, apiKey: string): [URL, RequestInit] {
  const found = Object.entries(document.paths)
    .flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })))
    .find(({ operation }) => operation.operationId === operationId);
  if (!found) throw new Error(`the document has no operation ${operationId}`);
  const { path, method, operation } = found;
  const serverUrl = new URL(document.servers[0]!.url, documentUrl).href.replace(/\/$/, "");
  const url = new URL(`${serverUrl}${path}`);
  const headers: Record<string, string> = {};
  const init: RequestInit = { method: method.toUpperCase(), headers };
  for (const parameter of operation.parameters ?? []) {
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

// The build step itself, so the server serves what `npm run build` writes for this router.
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ["scripts/generateOpenApi.mjs"], { cwd: repoRoot });
});

describe("GET /openapi.json", () => {
  const server = useTestServer();
  let document: Document;

  beforeAll(async () => {
    const response = await fetch(`${server.url}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    document = (await response.json()) as Document;
  });

  it("describes every procedure of the router, as tRPC serves it", () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(procedures.length).toBeGreaterThan(20);
    for (const [procedurePath, procedure] of procedures) {
      const method = procedure._def.type === "query" ? "get" : "post";
      const operation = document.paths[`/${procedurePath}`]?.[method];
      expect(operation, `${method.toUpperCase()} /${procedurePath}`).toBeDefined();
      expect(operation?.operationId).toBe(procedurePath);
      expect(operation?.responses["200"]).toBeDefined();
      const takesInput = (procedure._def as { inputs: unknown[] }).inputs.length > 0;
      if (takesInput && method === "get") expect(operation?.parameters?.map((parameter) => [parameter.name, parameter.in])).toEqual([["input", "query"]]);
      if (takesInput && method === "post") expect(operation?.requestBody?.content["application/json"]).toBeDefined();
    }
    const operationCount = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
    expect(operationCount).toBe(procedures.length);
  });

  it("says who may call each operation: API keys by scope, console sessions, or anyone", () => {
    for (const [procedurePath, procedure] of procedures) {
      const method = procedure._def.type === "query" ? "get" : "post";
      const security = document.paths[`/${procedurePath}`]![method]!.security;
      const meta = procedure._def.meta as ProcedureMeta;
      const keyScopes = security.flatMap((requirement) => requirement.apiKey ?? []);
      expect(keyScopes, procedurePath).toEqual(meta.kind === "tenant" ? [...(meta.access?.scopes ?? [])] : []);
      expect(security.some((requirement) => "session" in requirement), procedurePath).toBe(meta.kind !== "public");
    }
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    expect(document.components.securitySchemes.session).toMatchObject({ type: "apiKey", in: "cookie", name: "mt_session" });
  });

  it("describes the error shape with appCode and the refused fields", () => {
    const errorSchema = JSON.stringify(document.components.responses.Error?.content["application/json"]?.schema);
    expect(errorSchema).toContain("#/components/schemas/ApiErrorData");
    expect(document.components.schemas.ApiErrorData?.required).toEqual(expect.arrayContaining(["appCode", "httpStatus"]));
    expect(document.components.schemas.ApiErrorData?.properties).toHaveProperty("issues");
    expect(document.components.schemas.FieldIssue?.required).toEqual(["field", "message"]);
  });

  it("is enough to list sites with a plain fetch and an API key", async () => {
    const fixture = await createTenantFixture(server.server.database.db, "OpenAPI integrator");
    const documentUrl = `${server.url}/openapi.json`;
    const [url, init] = requestFromDocument(document, documentUrl, "sites.list", { tenantId: fixture.tenantId }, fixture.apiKeySecret);
    expect(url.href).toBe(`${server.url}/trpc/sites.list?input=${encodeURIComponent(JSON.stringify({ tenantId: fixture.tenantId }))}`);
    const response = await fetch(url, init);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { result: { data: { siteId: string; name: string }[] } };
    expect(body.result.data.map((site) => site.siteId)).toEqual([fixture.site._id]);

    const [badUrl, badInit] = requestFromDocument(document, documentUrl, "sites.create", { tenantId: fixture.tenantId, name: "Bad", allowedOrigins: ["not a url"] }, fixture.apiKeySecret);
    expect(badInit.method).toBe("POST");
    const refused = await fetch(badUrl, badInit);
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { error: { data: { appCode: string; issues: { field: string }[] } } };
    expect(error.error.data.appCode).toBe("BAD_INPUT");
    expect(error.error.data.issues.map((issue) => issue.field)).toEqual(["allowedOrigins.0"]);
  });
});

describe("openApiDocument middleware", () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), "mousetrail-openapi-"));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function serve(file: string): Promise<{ status: number; body: unknown; logged: string }> {
    const lines: string[] = [];
    const logger = createLogger({ level: "error", destination: { write: (line: string) => void lines.push(line) } });
    const app = new Koa();
    app.use(openApiDocument(appRouter, logger, file));
    const http = createServer(app.callback());
    await new Promise<void>((resolve) => http.listen(0, resolve));
    try {
      const response = await fetch(`http://localhost:${(http.address() as AddressInfo).port}/openapi.json`);
      return { status: response.status, body: await response.json(), logged: lines.join("") };
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  }

  it("refuses a document generated from another version of the router instead of serving it", async () => {
    const current = JSON.parse(await readFile(generatedOpenApiFile, "utf8")) as Document;
    const { "/sites.list": _removed, ...paths } = current.paths;
    const stale = path.join(directory, "stale.json");
    await writeFile(stale, JSON.stringify({ ...current, paths: { ...paths, "/sites.archive": { post: {} } } }));

    const served = await serve(stale);
    expect(served.status).toBe(503);
    expect(served.body).toMatchObject({ error: { data: { appCode: "UNAVAILABLE" } } });
    expect(served.logged).toContain("missing get /sites.list");
    expect(served.logged).toContain("no such procedure post /sites.archive");
  });

  it("answers 503 when the document was never generated", async () => {
    const served = await serve(path.join(directory, "absent.json"));
    expect(served.status).toBe(503);
    expect(served.logged).toContain("ENOENT");
  });
});
