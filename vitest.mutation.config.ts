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
    include: [
      "policies/src/**/*.test.ts",
      "client-sdk/src/recorder/fieldMasking.test.ts",
      "client-sdk/src/recorder/maskFieldValues.test.ts",
      "client-sdk/src/recorder/rrwebOptions.test.ts",
    ],
    testTimeout: 30_000,
  },
});
