import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * STYLE.md: a collection is queried in repositories/ only, where every filter carries the tenant
 * by construction. dependency-cruiser (npm run deps) holds the layers; this holds the call sites,
 * which an import graph cannot see (db/collections.ts also exports types and constants).
 */

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const touchesCollections = /\b(?:collections|analyticsCollections|complianceCollections)\(|\.collection(?:<[^>]*>)?\(/;

/**
 * Code that predates the rule and still queries collections itself: to move behind repository
 * functions. The test fails when a file here stops doing so (take it off the list) or when any
 * other file starts.
 */
const notYetBehindRepositories = new Set([
  "domain/complaints/purgeClosedComplaints.ts",
  "domain/compliance/claimPurge.ts",
  "domain/compliance/runPendingPurges.ts",
  "domain/compliance/workOnPurge.ts",
  "domain/demo/claimSeedMarker.ts",
  "domain/demo/seedDemo.ts",
  "domain/demo/seedDemoCompliance.ts",
  "domain/platform/platformStats.ts",
  "domain/privacy/applyRetention.ts",
  "domain/privacy/applyRetentionEverywhere.ts",
  "domain/privacy/remaskStoredRecordings.ts",
  "domain/privacy/updateSitePrivacy.ts",
  "http/demoSiteRoute.ts",
  "http/privacyPageRoute.ts",
  // A repository in all but folder: the job queue is not tenant data.
  "jobs/jobRepository.ts",
]);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path.relative(src, full)] : [];
  });
}

describe("collections are touched in repositories/ only", () => {
  const production = sourceFiles(src).filter((file) => !/^(repositories|db|testing|e2e)\//.test(file));
  const touching = production.filter((file) => touchesCollections.test(readFileSync(path.join(src, file), "utf8")));

  it("no other file queries a collection", () => {
    expect(touching.filter((file) => !notYetBehindRepositories.has(file))).toEqual([]);
  });

  it("every listed exception still is one (a file that moved behind repositories leaves the list)", () => {
    expect([...notYetBehindRepositories].filter((file) => !touching.includes(file))).toEqual([]);
  });

  it("sees a query where there is one (the pattern is not blind)", () => {
    expect(touchesCollections.test("await analyticsCollections(db).optOuts.findOne({})")).toBe(true);
    expect(touchesCollections.test("db.collection<Doc>(name).find()")).toBe(true);
    expect(touchesCollections.test('import type { SiteDoc } from "../db/collections.js";')).toBe(false);
  });
});
