import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The test run StrykerJS drives (`npm run mutation`): the tests of policies/ and of the recorder's
// masking, without the database setup none of them needs. Stryker runs it in a sandbox copy of the
// repository whose node_modules is a link back to this checkout, so `@mousetrail/policies/*` would
// resolve to the unmutated sources there; the alias points it at the sandbox's own policies/src.
const policiesSource = fileURLToPath(new URL("./policies/src/", import.meta.url));
const sourceConditions = ["@mousetrail/source", "module", "node", "import", "default"];

export default defineConfig({
  resolve: {
    conditions: sourceConditions,
    alias: [{ find: /^@mousetrail\/policies\/(.*)$/, replacement: `${policiesSource}$1.ts` }],
  },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    // Fast unit tests only: no database, no browser. productionCallers.test.ts reads the source
    // tree (which callers exist), not the behaviour of a rule, so it kills no mutant.
    include: [
      "policies/src/**/*.test.ts",
      "client-sdk/src/recorder/fieldMasking.test.ts",
      "client-sdk/src/recorder/fieldMasking.dom.test.ts",
      "client-sdk/src/recorder/maskFieldValues.test.ts",
      "client-sdk/src/recorder/rrwebOptions.test.ts",
    ],
    exclude: ["**/node_modules/**", "policies/src/productionCallers.test.ts"],
    // Stryker re-runs the property tests for every mutant they cover: 40 generated recordings
    // instead of 300 (policies/testing/propertyRuns.ts). The deterministic tests carry the kills.
    env: { MOUSETRAIL_PROPERTY_RUNS: "40" },
    testTimeout: 30_000,
  },
});
