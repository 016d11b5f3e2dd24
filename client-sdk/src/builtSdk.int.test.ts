import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyScopes } from "@mousetrail/server/db/collections";
import { createTenantFixture } from "@mousetrail/server/testing/apiHarness";
import { packSdk } from "../scripts/packSdk.mjs";
import { useTestServer } from "@mousetrail/server/testing/testServer";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const sdkDir = path.join(repoRoot, "client-sdk");
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");

/**
 * Server internals the published types must never name: reachable through the router's
 * context type they would let a database rename change the public API, and tell every
 * integrator how users, keys and sessions are stored.
 */
const serverInternals = [
  "passwordHash",
  "sessionSecret",
  "SessionCookieJar",
  "RequestContext",
  "RequestAuth",
  "ServerServices",
  "UserDoc",
  "ApiKeyDoc",
  "AuthSessionDoc",
  "MongoClient",
  "Collection<",
  "pino",
  "Logger",
];

/** Integrator code, typechecked strictly against the installed SDK, then compiled and run. */
const integratorSource = `
import { createClient, isMousetrailError, type ApiKeyScope, type AppErrorCode, type RouterInputs, type RouterOutputs } from "@mousetrail/client-sdk";

export async function keyScopes(baseUrl: string, apiKey: string): Promise<ApiKeyScope[]> {
  const client = createClient({ baseUrl, apiKey, timeoutMs: 10_000, retry: { attempts: 2 } });
  const me = await client.auth.me.query();
  const scopes = me.apiKey?.scopes ?? [];
  if (scopes.length < 0) {
    // @ts-expect-error scopes are the scope union, not any string
    const wrong: "admin:everything" = scopes[0]!;
    void wrong;
  }
  return scopes;
}

export async function listSiteIds(baseUrl: string, apiKey: string, tenantId: string): Promise<string[]> {
  const client = createClient({ baseUrl, apiKey });
  const sites: RouterOutputs["sites"]["list"] = await client.sites.list.query({ tenantId });
  if (sites.length < 0) {
    // @ts-expect-error tenantId is a string
    await client.sites.list.query({ tenantId: 42 });
    // @ts-expect-error sites.list takes its tenant
    await client.sites.list.query({});
    // @ts-expect-error there is no such procedure
    await client.sites.archive.mutate({ tenantId });
    // @ts-expect-error siteId is a string
    const wrong: number = sites[0]!.siteId;
    void wrong;
  }
  return sites.map((site) => site.siteId);
}

export async function readRefusal(baseUrl: string, apiKey: string, input: RouterInputs["sites"]["get"]) {
  const client = createClient({ baseUrl, apiKey });
  try {
    await client.sites.get.query(input);
    return null;
  } catch (error) {
    if (!isMousetrailError(error)) throw error;
    const appCode: AppErrorCode | undefined = error.data?.appCode;
    return { httpStatus: error.data?.httpStatus, appCode, fields: error.data?.issues?.map((issue) => issue.field) };
  }
}
`;

const mainScript = `
import { keyScopes, listSiteIds, readRefusal } from "./out/integrator.js";
const [baseUrl, apiKey, tenantId] = process.argv.slice(2);
const siteIds = await listSiteIds(baseUrl, apiKey, tenantId);
const refusal = await readRefusal(baseUrl, apiKey, { tenantId, siteId: "not-a-site-id" });
const scopes = await keyScopes(baseUrl, apiKey);
console.log(JSON.stringify({ siteIds, refusal, scopes }));
`;

/**
 * The README's TypeScript examples from "Create a client" up to "Streaming a recording", as one
 * function: they must compile, strictly, against the packed declarations.
 */
async function readmeExamples(): Promise<string> {
  const readme = await readFile(path.join(sdkDir, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Create a client"), readme.indexOf("## Streaming a recording"));
  const code = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!).join("\n");
  const lines = code.split("\n");
  return [
    ...lines.filter((line) => line.startsWith("import ")),
    "declare const process: { env: Record<string, string | undefined> };",
    "export async function readmeExamples(tenantId: string, siteId: string, visitorId: string, complaintId: string) {",
    ...lines.filter((line) => !line.startsWith("import ")),
    "}",
  ].join("\n");
}

const integratorTsconfig = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    // tRPC's own declarations name `Disposable`.
    lib: ["ES2022", "DOM", "ESNext.Disposable"],
    types: [],
    strict: true,
    // Check the SDK's declarations too: an import they cannot resolve is an error, not `any`.
    skipLibCheck: false,
    outDir: "out",
  },
  files: ["integrator.ts", "readme.ts"],
};

describe("the built SDK, installed in a project outside the repository", () => {
  const server = useTestServer();
  let project: string;
  let declarations: string;
  let javascript: string;
  let dependencies: string[];
  let manifest: { dependencies: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; exports: unknown };
  let recorderModule: string;

  beforeAll(async () => {
    await run("npm", ["run", "build"], { cwd: sdkDir });
    await run("npm", ["run", "build:recorder"], { cwd: sdkDir });
    project = await mkdtemp(path.join(tmpdir(), "mousetrail-integrator-"));
    // What `npm install @mousetrail/client-sdk` would unpack: exactly the packed files.
    const tarball = await packSdk(project);
    const installed = path.join(project, "node_modules/@mousetrail/client-sdk");
    await mkdir(installed, { recursive: true });
    await run("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
    manifest = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")) as typeof manifest;
    dependencies = Object.keys(manifest.dependencies);
    recorderModule = await readFile(path.join(installed, "dist/recorder.esm.js"), "utf8");
    // Only the SDK's npm dependencies are linked in; theirs resolve from where the links point.
    for (const name of dependencies) {
      await mkdir(path.dirname(path.join(project, "node_modules", name)), { recursive: true });
      await symlink(path.join(repoRoot, "node_modules", name), path.join(project, "node_modules", name), "dir");
    }
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "integrator", private: true, type: "module" }));
    await writeFile(path.join(project, "tsconfig.json"), JSON.stringify(integratorTsconfig, null, 2));
    await writeFile(path.join(project, "integrator.ts"), integratorSource);
    await writeFile(path.join(project, "readme.ts"), await readmeExamples());
    await writeFile(path.join(project, "main.mjs"), mainScript);
    declarations = await readFile(path.join(installed, "dist/client.d.ts"), "utf8");
    javascript = await readFile(path.join(installed, "dist/client.js"), "utf8");
  }, 180_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("imports nothing but its npm dependencies: no workspace package, no repository path", () => {
    const specifiers = [...`${declarations}\n${javascript}`.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? match[2] ?? "");
    expect(specifiers).toContain("@trpc/client");
    for (const specifier of specifiers) {
      expect(dependencies.some((name) => specifier === name || specifier.startsWith(`${name}/`)), `${specifier} is a dependency of the SDK`).toBe(true);
    }
    for (const text of [declarations, javascript]) {
      expect(text).not.toContain("@mousetrail/");
      expect(text).not.toContain(repoRoot);
      expect(text).not.toMatch(/reference (types|path)=/);
    }
  });

  it("publishes no server internals in its types: the router's context stays on the server", () => {
    expect(declarations).toContain("createClient");
    for (const name of serverInternals) expect(declarations, name).not.toContain(name);
    // ApiKeyDoc's `hash` field: a stored key hash in any object type.
    expect(declarations).not.toMatch(/\bhash\??:/);
    expect(declarations).not.toMatch(/\bDb\b/);
  });

  it("ships a manifest whose every export exists in the tarball, and no condition pointing at sources", async () => {
    const targets: string[] = [];
    const collect = (value: unknown, key: string) => {
      expect(key, "export condition").not.toBe("@mousetrail/source");
      if (typeof value === "string") targets.push(value);
      else if (value && typeof value === "object") for (const [childKey, child] of Object.entries(value)) collect(child, childKey);
    };
    collect(manifest.exports, ".");
    expect(targets.length).toBeGreaterThan(4);
    const installed = path.join(project, "node_modules/@mousetrail/client-sdk");
    for (const target of targets) await expect(readFile(path.join(installed, target)), target).resolves.toBeDefined();
    expect(JSON.stringify(manifest)).not.toContain("src/");
    expect(manifest).not.toHaveProperty("scripts");
    expect(manifest).not.toHaveProperty("devDependencies");
  });

  it("keeps the recorder's rrweb out of an API integration: an optional peer of the recorder entry only", () => {
    expect(dependencies).not.toContain("@rrweb/record");
    expect(manifest.peerDependenciesMeta?.["@rrweb/record"]?.optional).toBe(true);
    expect(javascript).not.toContain("rrweb");
    expect(recorderModule).toMatch(/from\s+["']@rrweb\/record["']/);
  });

  it("typechecks strict integrator code and the README's examples, and refuses a wrong input type", async () => {
    expect(await readFile(path.join(project, "readme.ts"), "utf8")).toContain("mousetrail.sessions.list.query");
    const result = await run(process.execPath, [tsc, "-p", project], { cwd: project }).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe("");
  }, 60_000);

  it("lists sites and reads the typed error of a bad call against a running server", async () => {
    const fixture = await createTenantFixture(server.server.database.db, "SDK integrator");
    await run(process.execPath, [tsc, "-p", project], { cwd: project });
    const { stdout } = await run(process.execPath, ["main.mjs", server.url, fixture.apiKeySecret, fixture.tenantId], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      siteIds: [fixture.site._id],
      refusal: { httpStatus: 400, appCode: "BAD_INPUT", fields: ["siteId"] },
      scopes: [...apiKeyScopes].sort(),
    });
  }, 60_000);
});
