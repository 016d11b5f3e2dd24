import type { Db } from "mongodb";
import { describe, expect, it } from "vitest";
import { analyticsCollections } from "../../db/analyticsCollections.js";
import { useTestDatabase } from "../../testing/testDatabase.js";
import { isOptedOut } from "./optOutCheck.js";

/** The same database, counting the reads of the opt-out collection. */
function countingOptOutReads(db: Db): { db: Db; reads: () => number } {
  let reads = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      if (property !== "collection") return Reflect.get(target, property, target) as unknown;
      return (name: string) => {
        const collection = target.collection(name);
        if (name !== "optOuts") return collection;
        return new Proxy(collection, {
          get(inner, method) {
            const value = Reflect.get(inner, method, inner) as unknown;
            if (method === "find") reads++;
            return typeof value === "function" ? value.bind(inner) : value;
          },
        });
      };
    },
  });
  return { db: counted, reads: () => reads };
}

describe("MS-4.1 the opt-out check of ingestion", () => {
  const database = useTestDatabase();

  it("MS-4.1 answers every concurrent check exactly, in one read for all of them", async () => {
    const at = new Date("2026-03-02T10:00:00Z");
    await analyticsCollections(database.db).optOuts.insertMany([
      { tenantId: "tenant_a", siteId: "site_a", visitorKey: "visitor-3", at },
      // The same visitor key opted out of another tenant's site: not of site_a.
      { tenantId: "tenant_b", siteId: "site_a", visitorKey: "visitor-5", at },
    ]);
    const { db, reads } = countingOptOutReads(database.db);
    const answers = await Promise.all(Array.from({ length: 40 }, (_, index) => isOptedOut(db, { tenantId: "tenant_a", siteId: "site_a", visitorKey: `visitor-${index}` })));
    expect(answers.flatMap((optedOut, index) => (optedOut ? [index] : []))).toEqual([3]);
    expect(reads()).toBe(1);
  });

  it("MS-4.1 sees an opt-out stored by another process from the next check on (nothing is cached)", async () => {
    const key = { tenantId: "tenant_c", siteId: "site_c", visitorKey: "visitor-late" };
    expect(await isOptedOut(database.db, key)).toBe(false);
    await analyticsCollections(database.db).optOuts.insertOne({ ...key, at: new Date("2026-03-02T10:00:00Z") });
    expect(await isOptedOut(database.db, key)).toBe(true);
  });
});
