// Bundles what `tsc -b client-sdk` wrote to dist/unbundled/ into the two files integrators
// install: dist/client.js and dist/client.d.ts. The declarations carry the server's AppRouter
// type inlined (rollup-plugin-dts), so they import nothing but the SDK's own dependencies.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dts } from "rollup-plugin-dts";
import ts from "typescript";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const { dependencies } = JSON.parse(readFileSync(here("package.json"), "utf8"));
const sdkDependencies = Object.keys(dependencies);
const isSdkDependency = (specifier) => sdkDependencies.some((name) => specifier === name || specifier.startsWith(`${name}/`));

/** Workspace packages whose types are inlined: integrators do not have them. */
const inlinedWorkspacePackages = ["@mousetrail/server", "@mousetrail/policies"];

/**
 * Fails the build on an import the declarations must not have. The router's type has an opaque
 * context (server/src/api/trpc.ts), so server libraries (mongodb, pino) never reach them.
 */
function declarationImportsCheck() {
  return {
    name: "declaration-imports-check",
    renderChunk(code, chunk) {
      const source = ts.createSourceFile(chunk.fileName, code, ts.ScriptTarget.Latest, true);
      const references = [...source.typeReferenceDirectives, ...source.referencedFiles].map((reference) => reference.fileName);
      if (references.length) this.error(`${chunk.fileName} references ${references.join(", ")}; the SDK's declarations must stand alone`);
      for (const statement of source.statements) {
        const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier?.text;
        if (!specifier || isSdkDependency(specifier)) continue;
        this.error(
          `${chunk.fileName} would import from "${specifier}" (\`${statement.getText()}\`), which is not a dependency of the SDK. ` +
            `Inline it or add it to client-sdk/package.json dependencies; if it is a server internal, keep it out of the router's type.`,
        );
      }
      return null;
    },
  };
}

/** An import the JS bundle cannot resolve is a workspace or missing package: never ship it. */
function failOnUnresolvedImports(level, log, handler) {
  if (log.code === "UNRESOLVED_IMPORT") throw new Error(`client-sdk bundle: ${log.message}`);
  handler(level, log);
}

export default [
  {
    input: here("dist/unbundled/client.js"),
    external: isSdkDependency,
    onLog: failOnUnresolvedImports,
    output: { file: here("dist/client.js"), format: "es" },
  },
  {
    input: here("dist/unbundled/client.d.ts"),
    plugins: [
      dts({
        includeExternal: inlinedWorkspacePackages,
        // Resolve workspace packages to their built declarations (the `types` condition),
        // not to their TypeScript sources (the `@mousetrail/source` condition tests use).
        compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, customConditions: [] },
      }),
      declarationImportsCheck(),
    ],
    output: { file: here("dist/client.d.ts"), format: "es" },
  },
];
