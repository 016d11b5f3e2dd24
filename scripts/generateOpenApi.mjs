// `npm run build` step: writes server/dist/openapi.json, the OpenAPI 3.1 document the server
// serves at GET /openapi.json, for tools that want it as a file (client generators, API
// catalogues, a diff in review). It is built from the compiled router exactly as the server
// builds it (server/src/http/openApiDocument.ts), so the file and the endpoint agree.

import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "server");
const outputFile = path.join(serverDir, "dist", "openapi.json");

const { appRouter } = await import(pathToFileURL(path.join(serverDir, "dist", "api", "router.js")).href);
const { buildOpenApiDocument } = await import(pathToFileURL(path.join(serverDir, "dist", "http", "openApiDocument.js")).href);
const document = buildOpenApiDocument(appRouter);

await mkdir(path.dirname(outputFile), { recursive: true });
// Written aside and renamed, so a reader never sees half of it.
const partialFile = `${outputFile}.${process.pid}.partial`;
await writeFile(partialFile, `${JSON.stringify(document, null, 2)}\n`);
await rename(partialFile, outputFile);
const operations = Object.values(document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
console.error(`generateOpenApi: ${operations} operations written to ${path.relative(process.cwd(), outputFile)}`);
