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
 * Types of server-side libraries that the router's type mentions only through the request
 * context (`ctx.db`, `ctx.logger`, `ctx.receiptSigningKey`), which a client never sees. Rather than make integrators
 * install MongoDB and pino to compile, they become opaque (`unknown`) in the declarations.
 * Anything else from outside the SDK's dependencies fails the build: it may be a type that
 * integrators do see.
 */
const serverContextTypes = { mongodb: ["Db"], pino: ["Logger"], "node:crypto": ["KeyObject"] };

/** Fails the build on an import the declarations must not have; replaces the server context ones. */
function declarationImportsCheck() {
  return {
    name: "declaration-imports-check",
    renderChunk(code, chunk) {
      const source = ts.createSourceFile(chunk.fileName, code, ts.ScriptTarget.Latest, true);
      const references = [...source.typeReferenceDirectives, ...source.referencedFiles].map((reference) => reference.fileName);
      if (references.length) this.error(`${chunk.fileName} references ${references.join(", ")}; the SDK's declarations must stand alone`);
      const edits = [];
      for (const statement of source.statements) {
        const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier?.text;
        if (!specifier || isSdkDependency(specifier)) continue;
        const opaque = ts.isImportDeclaration(statement) ? opaqueServerContextImport(statement, specifier) : undefined;
        if (!opaque) {
          this.error(
            `${chunk.fileName} would import from "${specifier}" (\`${statement.getText()}\`), which is not a dependency of the SDK. ` +
              `Inline it, add it to client-sdk/package.json dependencies, or, if it is only part of the server's request context, list it in serverContextTypes.`,
          );
        }
        edits.push({ start: statement.getStart(), end: statement.getEnd(), text: opaque });
      }
      for (const edit of edits.reverse()) code = code.slice(0, edit.start) + edit.text + code.slice(edit.end);
      return { code, map: null };
    },
  };
}

function opaqueServerContextImport(statement, specifier) {
  const allowed = serverContextTypes[specifier];
  const clause = statement.importClause;
  const bindings = clause?.namedBindings;
  if (!allowed || !clause || clause.name || !bindings || !ts.isNamedImports(bindings)) return undefined;
  const imported = bindings.elements.map((element) => ({ name: (element.propertyName ?? element.name).text, local: element.name.text }));
  if (imported.some(({ name }) => !allowed.includes(name))) return undefined;
  return imported.map(({ name, local }) => `/** The server's ${specifier} \`${name}\`, part of its request context only. */\ntype ${local} = unknown;`).join("\n");
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
