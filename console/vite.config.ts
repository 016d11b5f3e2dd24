import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

/** Where `npm run dev` sends API and server-rendered pages: the server `npm start` runs. */
const apiTarget = process.env.MOUSETRAIL_API ?? "http://localhost:8080";
const serverPaths = ["/trpc", "/recorder.js", "/collect", "/demo", "/optout", "/privacy", "/complaints", "/surveys", "/openapi.json", "/recordings", "/exports", "/replay-frame", "/healthz", "/stats"];

export default defineConfig({
  plugins: [solid()],
  // The workspace packages (client-sdk) are used from their TypeScript sources.
  resolve: { conditions: ["@mousetrail/source", "browser", "module", "import", "default"] },
  build: {
    target: "es2022",
    // The CSP allows no inline script; Vite's preload polyfill goes into a file like the rest.
    modulePreload: { polyfill: true },
    assetsInlineLimit: 0,
  },
  server: {
    proxy: Object.fromEntries(serverPaths.map((prefix) => [prefix, { target: apiTarget, changeOrigin: false }])),
  },
});
