import { describeAccess } from "./openApiAccess.js";
import { jsonSchemaOf } from "./openApiSchema.js";
import type { DownloadRoute } from "./downloadRoutes.js";

/** The download routes' path items: like an operation, plus the server they hang off. */
export interface OpenApiDownloadPathItem {
  servers: { url: string; description: string }[];
  get: {
    operationId: string;
    summary: string;
    description: string;
    tags: string[];
    security: Record<string, string[]>[];
    parameters: unknown[];
    responses: Record<string, unknown>;
  };
}

export const downloadsTag = { name: "downloads", description: "Files streamed over plain HTTP beside tRPC: exports, a visitor's data, a recording for a player" };

/** `/exports/survey-answers` → `exports.surveyAnswers`: URL-safe, and apart from the procedures' ids (no procedure has a `-` or a second level named so). */
export function downloadOperationId(path: string): string {
  return path
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/-(\w)/g, (_dash, letter: string) => letter.toUpperCase()))
    .join(".");
}

/**
 * The path items of the download routes (http/downloadRoutes.ts), from the same list the router
 * mounts: the input as the JSON `input` query parameter, as a tRPC query takes it; each media type
 * the route answers with; and the errors, in the routes' own shape (`DownloadError`).
 */
export function downloadPathItems(routes: readonly DownloadRoute[]): Record<string, OpenApiDownloadPathItem> {
  const items: Record<string, OpenApiDownloadPathItem> = {};
  for (const route of routes) {
    const access = describeAccess(route.path, { kind: "tenant", access: route.access });
    const content = Object.fromEntries(
      Object.entries(route.media).map(([mediaType, media]) => [mediaType, mediaContent(mediaType, media.schema, `${route.path} ${mediaType}`)]),
    );
    const mediaList = Object.entries(route.media).map(([mediaType, media]) => `\`${mediaType}\`: ${media.description}.`);
    items[route.path] = {
      // The document's own server is `/trpc`; these routes are at the server's root.
      servers: [{ url: "/", description: "This Mousetrail server" }],
      get: {
        operationId: downloadOperationId(route.path),
        summary: route.summary,
        description: [
          `\`GET ${route.path}?input=<JSON>\`, streamed as it is read${route.attachment ? ", as an attachment (`Content-Disposition`), and written to the audit log" : ""}.`,
          ...mediaList,
          access.description,
          "Errors answer `{ \"error\": { \"message\", \"appCode\", \"issues\" } }` with the status of `appCode`.",
        ].join("\n\n"),
        tags: [downloadsTag.name],
        security: access.security,
        parameters: [
          {
            name: "input",
            in: "query",
            required: true,
            description: "The input as JSON, URL-encoded",
            content: { "application/json": { schema: jsonSchemaOf(route.schema, "input", `${route.path} input`) } },
          },
        ],
        responses: {
          "200": {
            description: "The file, streamed",
            ...(route.attachment
              ? { headers: { "Content-Disposition": { description: "`attachment; filename=\"...\"`", schema: { type: "string" } } } }
              : {}),
            content,
          },
          "400": ref("DownloadBadInput"),
          "401": ref("DownloadUnauthenticated"),
          "403": ref("DownloadForbidden"),
          "404": ref("DownloadNotFound"),
          default: ref("DownloadError"),
        },
      },
    };
  }
  return items;
}

function ref(name: string) {
  return { $ref: `#/components/responses/${name}` };
}

/** A CSV file is text; JSON has its schema; NDJSON is text whose lines each match `x-item-schema` (OpenAPI 3.1 has no item schema). */
function mediaContent(mediaType: string, schema: unknown, what: string) {
  if (schema === undefined) return { schema: { type: "string" } };
  const described = jsonSchemaOf(schema, "output", what);
  return mediaType === "application/x-ndjson" ? { schema: { type: "string" }, "x-item-schema": described } : { schema: described };
}

export const downloadErrorSchemas = {
  DownloadError: {
    type: "object",
    properties: {
      error: {
        type: "object",
        properties: {
          message: { type: "string" },
          appCode: { type: "string", description: "What went wrong, as in the API's errors" },
          issues: { type: "array", items: { $ref: "#/components/schemas/FieldIssue" }, description: "One entry per refused input field" },
        },
        required: ["message", "appCode"],
      },
    },
    required: ["error"],
  },
};

function downloadErrorResponse(description: string) {
  return { description, content: { "application/json": { schema: { $ref: "#/components/schemas/DownloadError" } } } };
}

export const downloadErrorResponses = {
  DownloadBadInput: downloadErrorResponse("The `input` parameter is missing, not JSON, too long, or refused (`appCode` `BAD_INPUT`): `issues` names each field"),
  DownloadUnauthenticated: downloadErrorResponse("No session or API key, or an unknown or revoked key (`appCode` `UNAUTHENTICATED`)"),
  DownloadForbidden: downloadErrorResponse("The caller's role or key scopes do not allow this (`appCode` `FORBIDDEN`)"),
  DownloadNotFound: downloadErrorResponse("The tenant or object does not exist, or belongs to another tenant (`appCode` `NOT_FOUND`)"),
  DownloadError: downloadErrorResponse("Any other error: rate limit, unavailable, internal (see `appCode`)"),
};
