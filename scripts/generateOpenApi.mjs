// `npm run build` step: writes server/dist/openapi.json, the OpenAPI 3.1 description of the
// tRPC HTTP endpoints as they are (GET /trpc/<path>?input=<json> for queries, POST /trpc/<path>
// with a JSON body for mutations, answers wrapped in `{ result: { data } }`, errors in our
// `{ error: { message, code, data } }` shape). @trpc/openapi reads the router's TypeScript
// types; it does not run the server. The server serves the file at GET /openapi.json, adding
// who may call each operation (server/src/http/openApiDocument.ts).

import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateOpenAPIDocument } from "@trpc/openapi";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "server");
const routerFile = path.join(serverDir, "src", "api", "router.ts");
const outputFile = path.join(serverDir, "dist", "openapi.json");

const { version } = JSON.parse(await readFile(path.join(serverDir, "package.json"), "utf8"));

const document = await generateOpenAPIDocument(routerFile, {
  exportName: "AppRouter",
  title: "Mousetrail API",
  version,
  // Relative to where the document is served (OpenAPI 3.1 allows it), so it is right behind
  // any host name or proxy without trusting the request's Host header.
  servers: [{ url: "/trpc", description: "This Mousetrail server" }],
});
document.info.description = [
  "The Mousetrail API as tRPC serves it over HTTP.",
  "Queries are GET requests with the input as JSON in the `input` query parameter; mutations are POST requests with the input as a JSON body.",
  "A successful answer is `{ \"result\": { \"data\": ... } }`.",
  "An error answer carries the HTTP status and `{ \"error\": { \"message\", \"code\", \"data\": { \"appCode\", \"httpStatus\", \"issues\": [{ \"field\", \"message\" }] } } }`;",
  "`issues` names each input field that was refused.",
  "Integrators using TypeScript can use the typed client `@mousetrail/client-sdk` instead.",
].join(" ");

await mkdir(path.dirname(outputFile), { recursive: true });
// Written aside and renamed, so a server reading the file never sees half of it.
const partialFile = `${outputFile}.${process.pid}.partial`;
await writeFile(partialFile, `${JSON.stringify(document, null, 2)}\n`);
await rename(partialFile, outputFile);
console.error(`generateOpenApi: ${Object.keys(document.paths).length} operations written to ${path.relative(process.cwd(), outputFile)}`);
