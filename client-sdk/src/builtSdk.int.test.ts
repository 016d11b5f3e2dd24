import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenantFixture } from "@mousetrail/server/testing/apiHarness";
import { useTestServer } from "@mousetrail/server/testing/testServer";

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, "../..");
const sdkDir = path.join(repoRoot, "client-sdk");
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");

/** Integrator code, typechecked strictly against the installed SDK, then compiled and run. */
const integratorSource = `
import { createClient, isMousetrailError, verifyReceipt, type AppErrorCode, type ReceiptVerification, type RouterInputs, type RouterOutputs } from "@mousetrail/client-sdk";

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

export async function checkPurgeReceipt(baseUrl: string, apiKey: string, tenantId: string, purgeId: string): Promise<ReceiptVerification> {
  const status = await createClient({ baseUrl, apiKey }).compliance.purgeReceipt.query({ tenantId, purgeId });
  const keys = await (await fetch(baseUrl + "/.well-known/mousetrail-receipt-keys.json")).json();
  return verifyReceipt(status, keys);
}
`;

const mainScript = `
import { checkPurgeReceipt, listSiteIds, readRefusal } from "./out/integrator.js";
const [baseUrl, apiKey, tenantId, purgeId] = process.argv.slice(2);
const siteIds = await listSiteIds(baseUrl, apiKey, tenantId);
const refusal = await readRefusal(baseUrl, apiKey, { tenantId, siteId: "not-a-site-id" });
const { valid, kind } = await checkPurgeReceipt(baseUrl, apiKey, tenantId, purgeId);
console.log(JSON.stringify({ siteIds, refusal, receipt: { valid, kind } }));
`;

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
  files: ["integrator.ts"],
};

describe("the built SDK, installed in a project outside the repository", () => {
  const server = useTestServer();
  let project: string;
  let declarations: string;
  let javascript: string;
  let dependencies: string[];

  beforeAll(async () => {
    await run("npm", ["run", "build"], { cwd: sdkDir });
    project = await mkdtemp(path.join(tmpdir(), "mousetrail-integrator-"));
    // What `npm install @mousetrail/client-sdk` would unpack: exactly the packed files.
    const packed = JSON.parse((await run("npm", ["pack", "--json", "--pack-destination", project], { cwd: sdkDir })).stdout) as { filename: string }[];
    const installed = path.join(project, "node_modules/@mousetrail/client-sdk");
    await mkdir(installed, { recursive: true });
    await run("tar", ["-xzf", path.join(project, packed[0]!.filename), "-C", installed, "--strip-components=1"]);
    const manifest = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    dependencies = Object.keys(manifest.dependencies);
    // Only the SDK's npm dependencies are linked in; theirs resolve from where the links point.
    for (const name of dependencies) {
      await mkdir(path.dirname(path.join(project, "node_modules", name)), { recursive: true });
      await symlink(path.join(repoRoot, "node_modules", name), path.join(project, "node_modules", name), "dir");
    }
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "integrator", private: true, type: "module" }));
    await writeFile(path.join(project, "tsconfig.json"), JSON.stringify(integratorTsconfig, null, 2));
    await writeFile(path.join(project, "integrator.ts"), integratorSource);
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

  it("typechecks strict integrator code, and refuses a wrong input type", async () => {
    const result = await run(process.execPath, [tsc, "-p", project], { cwd: project }).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe("");
  }, 60_000);

  it("lists sites, reads the typed error of a bad call and verifies a signed receipt against a running server", async () => {
    const fixture = await createTenantFixture(server.server.database.db, "SDK integrator");
    await run(process.execPath, [tsc, "-p", project], { cwd: project });
    const { stdout } = await run(process.execPath, ["main.mjs", server.url, fixture.apiKeySecret, fixture.tenantId, fixture.purgeId], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      siteIds: [fixture.site._id],
      refusal: { httpStatus: 400, appCode: "BAD_INPUT", fields: ["siteId"] },
      // MS-1.7: the installed SDK verifies a purge receipt the server signed.
      receipt: { valid: true, kind: "mousetrail.analytics-purge" },
    });
  }, 60_000);
});
