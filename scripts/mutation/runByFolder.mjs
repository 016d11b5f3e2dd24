// Mutation testing one folder of policies/src at a time (issue 13): `npm run mutation:folders --
// enforce masking`. Same configuration as `npm run mutation` (stryker.config.mjs), but each folder
// keeps its own JSON report and incremental cache under reports/mutation/folders/, so a folder can
// be re-run alone and the folders' reports still add up to the whole (`npm run mutation:scores`).
// On a busy machine run it under `nice -n 10`. Options: --force (ignore the incremental caches),
// --ignore-static (see below).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Stryker } from "@stryker-mutator/core";

const notTests = "!policies/src/**/*.test.ts";

/** The folders, in the order the issue asks for: the rules that leak data first. */
export const mutationFolders = {
  enforce: ["policies/src/enforce/**/*.ts"],
  masking: ["policies/src/masking/**/*.ts"],
  pii: ["policies/src/pii/**/*.ts"],
  selectors: ["policies/src/selectors/**/*.ts"],
  render: ["policies/src/render/**/*.ts"],
  schema: ["policies/src/schema/**/*.ts"],
  // The clause catalogue is data (see stryker.config.mjs), like mousestats/.
  "top-level": ["policies/src/*.ts", "!policies/src/clauses.ts"],
  recorder: ["client-sdk/src/recorder/fieldMasking.ts"],
};

const requested = process.argv.slice(2).filter((argument) => !argument.startsWith("-"));
const unknown = requested.filter((name) => !(name in mutationFolders));
if (unknown.length > 0) {
  console.error(`Unknown folder ${unknown.join(", ")}: expected any of ${Object.keys(mutationFolders).join(", ")}`);
  process.exit(2);
}
const force = process.argv.includes("--force");
// Static mutants (module-level regexes, tables, zod schemas) each re-load and re-run every related
// test file; on a busy machine they can take most of a folder's time. `--ignore-static` reports
// them as Ignored (counted in the table's "ignored" column, not in the score).
const ignoreStatic = process.argv.includes("--ignore-static");
const folders = requested.length > 0 ? requested : Object.keys(mutationFolders);
const outDirectory = "reports/mutation/folders";

// A second Stryker instance in one process fails in its option merging (StrykerJS 9.6), so each
// folder runs in a child process of its own.
if (folders.length > 1) {
  const flags = process.argv.slice(2).filter((argument) => argument.startsWith("-"));
  for (const folder of folders) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), folder, ...flags], { stdio: "inherit" });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
  }
  process.exit();
}
mkdirSync(outDirectory, { recursive: true });

for (const folder of folders) {
  const started = Date.now();
  const stryker = new Stryker({
    mutate: [...mutationFolders[folder], notTests],
    incrementalFile: `${outDirectory}/${folder}.incremental.json`,
    force,
    ignoreStatic,
    jsonReporter: { fileName: `${outDirectory}/${folder}.json` },
    htmlReporter: { fileName: `${outDirectory}/${folder}.html` },
    reporters: ["clear-text", "progress-append-only", "html", "json"],
    // One folder is not the whole: the target is checked on the combined scores.
    thresholds: { high: 95, low: 90, break: null },
  });
  const results = await stryker.runMutationTest();
  const seconds = Math.round((Date.now() - started) / 1000);
  const tested = results.filter((result) => result.status !== "Ignored").length;
  writeFileSync(
    `${outDirectory}/${folder}.run.json`,
    `${JSON.stringify({ folder, mutants: results.length, tested, seconds, finishedAt: new Date().toISOString() }, null, 2)}\n`,
  );
  console.log(`${folder}: ${results.length} mutants in ${seconds} s`);
}
