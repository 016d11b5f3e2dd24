import { TRPCError } from "@trpc/server";
import type { Db } from "mongodb";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createTenantFixture, type TenantFixture } from "../testing/apiHarness.js";
import { namesForeignObject, procedureSamples, withTenant } from "../testing/procedureSamples.js";
import { useTestDatabase } from "../testing/testDatabase.js";
import { appRouter } from "./router.js";
import type { ProcedureMeta } from "./trpc.js";
import { routerProcedures } from "./routerProcedures.js";

/**
 * Tenant isolation, proven for every procedure of the router, enumerated from the router
 * itself. A member of tenant B and an API key of tenant B (holding every scope) try each
 * procedure against tenant A's objects; tenant procedures must answer NOT_FOUND, the one
 * documented code for "not yours" (indistinguishable from "does not exist"), and nothing of
 * tenant A may change or leak.
 */
const procedures = routerProcedures(appRouter);
const database = useTestDatabase();

type Caller = ReturnType<typeof callerAs>;

function invoke(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  return fn(input);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** Everything stored about a tenant: its own document, members' accounts and every tenant-owned row. */
async function snapshotTenant(db: Db, fixture: TenantFixture): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name === "rateLimits") continue; // shared counters, not tenant data
    const filter =
      name === "tenants"
        ? { _id: fixture.tenantId }
        : name === "users"
          ? { _id: { $in: Object.values(fixture.members).map((user) => user._id) } }
          : { tenantId: fixture.tenantId };
    snapshot[name] = await db.collection(name).find(filter as never).sort({ _id: 1 }).toArray();
  }
  return snapshot;
}

function identifiersOf(fixture: TenantFixture): string[] {
  return [
    fixture.tenantId,
    fixture.site._id,
    fixture.site.siteKey,
    fixture.apiKey._id,
    fixture.apiKey.prefix,
    ...Object.values(fixture.members).flatMap((user) => [user._id, user.email]),
  ];
}

describe("MS-3.4 tenant isolation: no data disclosed outside the tenant, for every procedure", () => {
  let tenantB: TenantFixture;
  beforeAll(async () => {
    tenantB = await createTenantFixture(database.db, "Tenant B");
  });

  it("has a sample input for every procedure in the router", () => {
    const missing = procedures.map(([path]) => path).filter((path) => !(path in procedureSamples));
    expect(missing, "add these procedures to testing/procedureSamples.ts").toEqual([]);
    const unknownKinds = procedures.filter(([, procedure]) => !(procedure._def.meta as ProcedureMeta | undefined)?.kind);
    expect(unknownKinds.map(([path]) => path), "procedures must be built on a base procedure of trpc.ts").toEqual([]);
  });

  for (const [path, procedure] of procedures) {
    const meta = procedure._def.meta as ProcedureMeta;
    it(`${path} (${meta.kind}): tenant B cannot read or change tenant A`, async () => {
      const db = database.db;
      const tenantA = await createTenantFixture(db, "Tenant A");
      const sample = procedureSamples[path];
      if (!sample) throw new Error(`no sample for ${path}`);
      const input = sample(tenantA);
      const memberOfB = callerAs(db, tenantB.members.owner);
      const keyOfB = callerAs(db, tenantB.apiKey);
      const before = await snapshotTenant(db, tenantA);

      if (meta.kind === "tenant") {
        expect(await codeOf(invoke(memberOfB, path, input))).toBe("NOT_FOUND");
        expect(await codeOf(invoke(keyOfB, path, input))).toBe("NOT_FOUND");
        if (namesForeignObject(input)) {
          // B's own tenant id with A's object ids: the repositories' tenant filter must refuse.
          const foreign = withTenant(input, tenantB.tenantId);
          expect(await codeOf(invoke(memberOfB, path, foreign))).toBe("NOT_FOUND");
          if (meta.access?.scopes?.length) expect(await codeOf(invoke(keyOfB, path, foreign))).toBe("NOT_FOUND");
        }
      } else if (meta.kind === "platform") {
        expect(await codeOf(invoke(memberOfB, path, input))).toBe("FORBIDDEN");
        expect(await codeOf(invoke(keyOfB, path, input))).toBe("UNAUTHORIZED");
      } else {
        // Public and signed-in procedures take no tenant: whatever they return must not mention A.
        for (const caller of [memberOfB, keyOfB, callerAs(db, null)]) {
          const result = await invoke(caller, path, input).catch((error: unknown) => {
            if (error instanceof TRPCError) return null;
            throw error;
          });
          const text = JSON.stringify(result ?? null);
          for (const identifier of identifiersOf(tenantA)) expect(text).not.toContain(identifier);
        }
      }

      expect(await snapshotTenant(db, tenantA)).toEqual(before);

      if (meta.kind === "tenant") {
        // Control: the same input works for A's own owner, so the refusals above were about
        // the tenant boundary and not a malformed sample.
        expect(await codeOf(invoke(callerAs(db, tenantA.members.owner), path, input))).toBe("OK");
      }
    });
  }
});
