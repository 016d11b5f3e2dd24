import { defineConfig } from "vitest/config";

// Workspace packages export their TypeScript sources under the "@mousetrail/source" condition,
// so tests run against src/ without a build step; Node at run time resolves dist/.
const sourceConditions = ["@mousetrail/source", "module", "node", "import", "default"];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions } },
  test: {
    include: ["{policies,server,client-sdk,scripts,console}/src/**/*.test.ts", "scripts/bench/*.test.ts", "console/e2e/**/*.test.ts"],
    globalSetup: ["server/src/testing/globalDatabase.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
