import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { apiKeyInstructions } from "./apiKeyInstructions.js";
import { createTenantFixture, testPassword } from "./testing/apiHarness.js";
import { useTestServer } from "./testing/testServer.js";

describe("the first start's API key instructions", () => {
  const server = useTestServer();

  it("are curl commands that, run as printed, create a working API key", async () => {
    const tenant = await createTenantFixture(server.server.database.db, "First start");
    // The fixture's password stands for the generated one: neither has a single quote.
    const lines = apiKeyInstructions({ publicUrl: server.url, email: tenant.members.owner.email, password: testPassword, tenantId: tenant.tenantId });
    const commands = lines.filter((line) => line.trimStart().startsWith("curl ")).map((line) => line.trim());
    expect(commands).toHaveLength(2);

    const cwd = mkdtempSync(path.join(tmpdir(), "mousetrail-curl-"));
    const { stdout } = await promisify(execFile)("sh", ["-c", commands.join(" && ")], { cwd });
    const secret = (JSON.parse(stdout) as { result: { data: { secret: string } } }).result.data.secret;
    const sites = await fetch(`${server.url}/trpc/sites.list?input=${encodeURIComponent(JSON.stringify({ tenantId: tenant.tenantId }))}`, { headers: { authorization: `Bearer ${secret}` } });
    expect(sites.status).toBe(200);
    expect(JSON.stringify(await sites.json())).toContain(tenant.site._id);
  });
});
