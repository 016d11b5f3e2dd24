import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every privacy rule has one implementation, here, and the recorder, the server's ingest and the
 * survey pipeline call it rather than a copy. The rules are the exports of the enforcement folders
 * and of the policy's resolution (`ruleSources`); the clause catalogue and schemas are data. A rule that nobody calls is a rule that is not
 * enforced (decideRecording, hasOptOutQueryParameter and redactSurveyAnswer once were only called
 * by their tests, while the recorder and the server carried drifting copies). So every exported
 * function and class of policies/src must be reached from the production sources of server/ and
 * client-sdk/: named there directly, or named by a policies file that is itself reached (the
 * masking steps behind maskRecordingEvents, the detectors behind redactPii). Test files, test
 * helpers (`testing/` folders) and scripts do not count as callers.
 */
const root = fileURLToPath(new URL("../../", import.meta.url));
const policiesSource = join(root, "policies/src");
/** The product's code: the server, the SDK and recorder, and the console (which renders the policy's marks, e.g. redacted survey text). */
const productionRoots = [join(root, "server/src"), join(root, "client-sdk/src"), join(root, "console/src")];
const ruleSources = ["enforce/", "masking/", "pii/", "selectors/", "render/", "effectivePolicy.ts", "tenantSettings.ts"].map((path) => join(policiesSource, path));
const isRule = (file: string) => ruleSources.some((source) => file === source || (source.endsWith("/") && file.startsWith(source)));

/**
 * Exported on purpose without a production caller, each for a stated reason. Keep it short: an
 * entry here is a function the product does not use.
 */
const allowedWithoutCaller: Readonly<Record<string, string>> = {};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === "testing" || entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/u.test(entry.name) && !/\.test\.tsx?$/u.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

const exportedFunction = /^export (?:async )?(?:function\*?|class) (\w+)/gmu;

function namesIn(text: string, candidates: Iterable<string>): Set<string> {
  const words = new Set(text.match(/[A-Za-z_$][\w$]*/gu) ?? []);
  return new Set([...candidates].filter((name) => words.has(name)));
}

/** Exported functions and classes of policies/src by name, with the file that defines each. */
function policyExports(): Map<string, { file: string; text: string }> {
  const exports = new Map<string, { file: string; text: string }>();
  for (const file of sourceFiles(policiesSource)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(exportedFunction)) exports.set(match[1]!, { file, text });
  }
  return exports;
}

/** The exports reached from production code, following policies files that are themselves reached. */
function reachedExports(exports: Map<string, { file: string; text: string }>): Set<string> {
  const reached = new Set<string>();
  const pending: string[] = [];
  const reach = (names: Iterable<string>) => {
    for (const name of names) {
      if (reached.has(name)) continue;
      reached.add(name);
      pending.push(name);
    }
  };
  for (const file of productionRoots.flatMap(sourceFiles)) reach(importedFromPolicies(readFileSync(file, "utf8"), exports));
  while (pending.length > 0) {
    const { text } = exports.get(pending.pop()!)!;
    // What a reached file names is reached, but not the other exports it merely defines.
    reach(namesIn(text.replace(exportedFunction, ""), exports.keys()));
  }
  return reached;
}

const policiesImport = /import\s*\{([^}]*)\}\s*from\s*"@mousetrail\/policies\/([\w/]+)"/gu;

/** The policies exports a production file imports (by their exported names) from the module defining them. */
function importedFromPolicies(text: string, exports: Map<string, { file: string }>): string[] {
  return [...text.matchAll(policiesImport)].flatMap(([, names, module]) =>
    names!
      .split(",")
      .map((name) => name.trim().replace(/^type\s+/u, "").split(/\s+as\s+/u)[0]!)
      .filter((name) => exports.get(name)?.file === join(policiesSource, `${module}.ts`)),
  );
}

describe("policies has one implementation of every rule, and production calls it", () => {
  const exports = policyExports();
  const reached = reachedExports(exports);

  it("finds the enforcement functions it is meant to check", () => {
    for (const name of ["decideRecording", "hasOptOutQueryParameter", "redactSurveyAnswer", "maskRecordingEvents", "truncateIp", "scrubUrl", "maskChoice"]) {
      expect(exports.has(name) && isRule(exports.get(name)!.file), name).toBe(true);
    }
    expect([...exports.keys()].filter((name) => isRule(exports.get(name)!.file)).length).toBeGreaterThan(40);
  });

  it("MS-4.2 MS-1.11 MS-1.13 MS-1.5 every exported function of policies has a production caller in server/, client-sdk/ or console/", () => {
    const uncalled = [...exports.keys()]
      .filter((name) => isRule(exports.get(name)!.file) && !reached.has(name) && !(name in allowedWithoutCaller))
      .map((name) => `${name} (${relative(root, exports.get(name)!.file)})`);
    expect(uncalled).toEqual([]);
  });

  it("keeps the allow-list honest: every entry is exported and still has no production caller", () => {
    for (const name of Object.keys(allowedWithoutCaller)) {
      expect(exports.has(name), `${name} is not exported any more`).toBe(true);
      expect(reached.has(name), `${name} is called now: remove it from the allow-list`).toBe(false);
    }
  });
});
