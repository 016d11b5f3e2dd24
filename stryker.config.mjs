// @ts-check
/**
 * Mutation testing of the privacy rules (issue 13): `npm run mutation`. See README "Mutation testing".
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "policies/src/**/*.ts",
    "!policies/src/**/*.test.ts",
    // Data, not rules: the clause catalogue and the versioned policy document are checked by the
    // schema's own validation; mutating their strings tests nothing.
    "!policies/src/clauses.ts",
    "!policies/src/mousestats/*.ts",
    "client-sdk/src/recorder/fieldMasking.ts",
  ],
  coverageAnalysis: "perTest",
  // Two cores shared with other work; override with --concurrency.
  concurrency: 2,
  // Stryker waits for the dry run's time x 1.5 plus this before calling a mutant a timeout (an
  // infinite loop); each timeout also restarts a runner, so it is kept near Stryker's default.
  timeoutMS: 8_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  // The incremental file is a local cache (git-ignored): a run after a small change re-tests only
  // the mutants whose code or covering tests changed. `npm run mutation -- --force` ignores it.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  thresholds: { high: 95, low: 90, break: 90 },
  ignorePatterns: ["dist", "coverage", "reports", ".data", "test-results", "scripts/offline-db/lib", "scripts/offline-db/classes"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
