// `npm run mutation:scores [-- --markdown]`: the per-folder and overall mutation scores of the
// reports under reports/mutation/ (a full `npm run mutation` writes mutation.json, `npm run
// mutation:folders` one report per folder under folders/). Where two reports cover the same source
// file, the newer wins. Exits 1 when a target of issue 13 is missed.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { missedTargets, scoresByFolder, scoreTable, type MutationReport } from "../mutation/mutationScores.js";

const directory = "reports/mutation";
const folderDirectory = join(directory, "folders");
const folderFiles = existsSync(folderDirectory) ? readdirSync(folderDirectory).map((name) => join(folderDirectory, name)) : [];

const reportPaths = [join(directory, "mutation.json"), ...folderFiles.filter((path) => path.endsWith(".json") && !/\.(incremental|run)\.json$/u.test(path))]
  .filter((path) => existsSync(path))
  .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
if (reportPaths.length === 0) {
  console.error(`No mutation report under ${directory}: run npm run mutation or npm run mutation:folders first`);
  process.exit(2);
}
const reports = reportPaths.map((path) => JSON.parse(readFileSync(path, "utf8")) as MutationReport);

const seconds: Record<string, number> = {};
for (const path of folderFiles.filter((file) => file.endsWith(".run.json"))) {
  const run = JSON.parse(readFileSync(path, "utf8")) as { folder: string; seconds: number };
  seconds[run.folder] = run.seconds;
}

const scores = scoresByFolder(reports);
console.log(scoreTable(scores, { markdown: process.argv.includes("--markdown"), seconds }));
const missed = missedTargets(scores);
if (missed.length > 0) {
  console.log(`\nTargets missed: ${missed.join(", ")}`);
  process.exitCode = 1;
}
