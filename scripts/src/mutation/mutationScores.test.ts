import { describe, expect, it } from "vitest";
import { folderOf, missedTargets, scoresByFolder, scoreTable, type MutationReport } from "./mutationScores.js";

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe("mutation scores", () => {
  it.each([
    ["policies/src/masking/maskText.ts", "masking"],
    ["/work/repo/policies/src/enforce/truncateIp.ts", "enforce"],
    ["policies/src/effectivePolicy.ts", "top-level"],
    ["client-sdk/src/recorder/fieldMasking.ts", "recorder"],
    ["server/src/ingest/steps.ts", "other"],
  ])("counts %s under %s", (path, folder) => {
    expect(folderOf(path)).toBe(folder);
  });

  it("scores each folder as detected over detected and undetected, leaving ignored and compile errors out", () => {
    const report: MutationReport = {
      files: {
        "policies/src/pii/luhn.ts": mutants("Killed", "Killed", "Timeout", "Survived", "Ignored", "CompileError"),
        "policies/src/pii/iban.ts": mutants("NoCoverage"),
        "policies/src/render/escapeHtml.ts": mutants("Killed"),
      },
    };
    const { folders, overall } = scoresByFolder([report]);
    expect(folders).toEqual([
      { folder: "pii", total: 7, detected: 3, survived: 1, noCoverage: 1, ignored: 1, score: 60 },
      { folder: "render", total: 1, detected: 1, survived: 0, noCoverage: 0, ignored: 0, score: 100 },
    ]);
    expect(overall).toEqual({ folder: "overall", total: 8, detected: 4, survived: 1, noCoverage: 1, ignored: 1, score: (100 * 4) / 6 });
  });

  it("lets a newer report of a file replace an older one", () => {
    const older: MutationReport = { files: { "policies/src/pii/luhn.ts": mutants("Survived", "Survived") } };
    const newer: MutationReport = { files: { "policies/src/pii/luhn.ts": mutants("Killed", "Survived") } };
    expect(scoresByFolder([older, newer]).overall.score).toBe(50);
  });

  it("names each missed target: 90% overall, 95% for enforce, masking and pii", () => {
    const report: MutationReport = {
      files: {
        "policies/src/enforce/a.ts": mutants(...Array<string>(19).fill("Killed"), "Survived"),
        "policies/src/masking/a.ts": mutants(...Array<string>(18).fill("Killed"), "Survived", "Survived"),
        "policies/src/render/a.ts": mutants(...Array<string>(8).fill("Killed"), "Survived", "Survived"),
      },
    };
    expect(missedTargets(scoresByFolder([report]))).toEqual(["masking 90.0% < 95%"]);
    expect(missedTargets(scoresByFolder([]))).toEqual(["overall n/a < 90%"]);
  });

  it("prints an aligned table, or a Markdown one, with run times in minutes", () => {
    const scores = scoresByFolder([{ files: { "policies/src/pii/luhn.ts": mutants("Killed", "Survived") } }]);
    expect(scoreTable(scores, { seconds: { pii: 125 } }).split("\n")).toEqual([
      "folder   mutants  detected  survived  no coverage  ignored  score  run time",
      "pii            2         1         1            0        0  50.0%     2 min",
      "overall        2         1         1            0        0  50.0%          ",
    ]);
    expect(scoreTable(scores, { markdown: true }).split("\n").slice(0, 3)).toEqual([
      "| folder | mutants | detected | survived | no coverage | ignored | score | run time |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      "| pii | 2 | 1 | 1 | 0 | 0 | 50.0% |  |",
    ]);
  });
});
