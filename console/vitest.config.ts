import solid from "vite-plugin-solid";
import { defineProject } from "vitest/config";

/** The console's component and store tests: Solid compiled for the browser, in happy-dom. */
export default defineProject({
  plugins: [solid()],
  resolve: { conditions: ["@mousetrail/source", "browser", "development", "module", "import", "default"] },
  test: {
    name: "console",
    root: import.meta.dirname,
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "happy-dom",
  },
});
