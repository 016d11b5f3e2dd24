import { beforeAll, describe, expect, it } from "vitest";
import { collections } from "../db/collections.js";
import { openAuthSession } from "../domain/auth/authSessions.js";
import { createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { callOverHttp } from "../testing/httpClient.js";
import { procedureSamples } from "../testing/procedureSamples.js";
import { useTestServer } from "../testing/testServer.js";
import { appRouter } from "./router.js";
import { routerProcedures } from "./routerProcedures.js";

/**
 * Every procedure with an input, over real HTTP: each field in turn is given a value of the
 * wrong type, and an unknown field is added. The answer must be a 400 whose message and
 * issues name the field, and the caller's data must be as it was.
 */
const procedures = routerProcedures(appRouter).filter(
  ([, procedure]) => (procedure._def as { inputs: unknown[] }).inputs.length > 0,
);

function wrongTypeFor(value: unknown): unknown {
  if (typeof value === "string") return 12345;
  if (typeof value === "number") return "not a number";
  return "not the right type";
}

/** Raw validator wording a caller must never see. */
const rawValidatorText = /Invalid input|expected \w+, received|Too (big|small)|Unrecognized key|Invalid (string|option|element|key)/i;

/** Each issue is `{ field, problem }`: plain words, the field not named again. */
function expectPlainProblems(issues: { field: string; message: string }[]) {
  for (const issue of issues) {
    expect(issue.message).not.toMatch(rawValidatorText);
    expect(issue.message).not.toContain(`${issue.field}:`);
    expect(issue.message.startsWith(issue.field.split(".").at(-1) || "\u0000"), `${issue.field}: ${issue.message}`).toBe(false);
  }
}

describe("bad input is refused with a 400 naming the field", () => {
  const server = useTestServer();
  let tenant: TenantFixture;
  let cookie: string;
  let platformCookie: string;

  beforeAll(async () => {
    const db = server.server.database.db;
    tenant = await createTenantFixture(db, "Bad input");
    cookie = `mt_session=${(await openAuthSession(db, tenant.members.owner._id, new Date())).token}`;
    await collections(db).users.updateOne({ _id: tenant.members.admin._id }, { $set: { platform: true } });
    platformCookie = `mt_session=${(await openAuthSession(db, tenant.members.admin._id, new Date())).token}`;
  });

  for (const [path, procedure] of procedures) {
    it(`${path}: each field with a wrong type, and an unknown field`, async () => {
      const sample = procedureSamples[path]?.(tenant) as Record<string, unknown> | undefined;
      expect(sample, `add ${path} to testing/procedureSamples.ts`).toBeTypeOf("object");
      const type = procedure._def.type as "query" | "mutation";
      const auth = { cookie: path.startsWith("platform.") ? platformCookie : cookie };
      const sitesBefore = await collections(server.server.database.db).sites.find({ tenantId: tenant.tenantId }).toArray();

      const fields = Object.keys(sample ?? {}).filter((field) => field !== "tenantId");
      for (const field of fields) {
        const broken = { ...sample, [field]: wrongTypeFor(sample?.[field]) };
        const { status, body } = await callOverHttp(server.url, path, broken, { type, ...auth });
        expect(status, `${path} with a bad ${field}`).toBe(400);
        expect(body.error?.message).toContain(`${field}:`);
        expect(body.error?.data.issues?.map((issue) => issue.field)).toContain(field);
        expectPlainProblems(body.error?.data.issues ?? []);
      }

      const withUnknown = { ...sample, bogusField: true };
      const { status, body } = await callOverHttp(server.url, path, withUnknown, { type, ...auth });
      expect(status).toBe(400);
      expect(body.error?.message).toContain("bogusField: is not a field of this input");
      expectPlainProblems(body.error?.data.issues ?? []);

      expect(await collections(server.server.database.db).sites.find({ tenantId: tenant.tenantId }).toArray()).toEqual(sitesBefore);
    });
  }

  it("names the limit that was exceeded", async () => {
    const { status, body } = await callOverHttp(
      server.url,
      "sites.create",
      { tenantId: tenant.tenantId, name: "x".repeat(101), allowedOrigins: ["https://ok.example", "ftp://nope.example"] },
      { type: "mutation", cookie },
    );
    expect(status).toBe(400);
    expect(body.error?.message).toContain("name: must be at most 100 characters");
    expect(body.error?.message).toContain('allowedOrigins.1: must be an origin like https://shop.example.com (got "ftp://nope.example")');
  });

  it("refuses a tenant id of the wrong shape as not found, not as a server error", async () => {
    const { status } = await callOverHttp(server.url, "sites.list", { tenantId: "tnt_nope" }, { type: "query", cookie });
    expect(status).toBe(404);
  });
});
